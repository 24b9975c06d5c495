import { UsageError } from '../errors';
import { optionValue, ParsedArgs, requiredValue, timeWindow } from './cliArgs';
import { CustomMonitorSummary, runCustomMonitor } from './customMonitor';

/** `model-monitor custom … -- PROGRAM [ARGS]` or `--image IMAGE`: see HELP.custom. */
export async function customCommand(
  args: ParsedArgs,
  ctx: { signal: AbortSignal }
): Promise<CustomMonitorSummary> {
  const image = optionValue(args, 'image');
  if (!image && args.positionals.length === 0) {
    throw new UsageError('custom needs a program after -- or --image IMAGE');
  }
  return runCustomMonitor({
    command: args.positionals,
    image,
    dataset: requiredValue(args, 'dataset'),
    outputDir: requiredValue(args, 'output'),
    window: timeWindow(args),
    baselineStatistics: optionValue(args, 'baseline-statistics'),
    baselineConstraints: optionValue(args, 'baseline-constraints'),
    endpointName: optionValue(args, 'endpoint-name'),
    scheduleName: optionValue(args, 'schedule-name'),
    metricsDir: optionValue(args, 'metrics-dir'),
    signal: ctx.signal
  });
}
