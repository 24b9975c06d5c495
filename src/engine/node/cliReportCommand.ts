/**
 * `model-monitor report`: a run's self-contained HTML report (src/report/reportHtml.ts), for CI
 * artifacts and sharing. Built as a bundle of its own (dist/model-monitor-report.cjs, with Vega),
 * loaded only by this command, so that the other commands start without Vega.
 */
import { basename, dirname } from 'path';

import { renderSvg } from '../../charts/svgChart';
import { reportHtml } from '../../report/reportHtml';
import { readConstraints, readViolations } from '../documents/read';
import { resolveMonitoringSettings } from '../monitor/monitoringSettings';
import { PipelineRuntime } from '../pipeline/runtime';
import { optionValue, ParsedArgs, requiredValue } from './cliArgs';
import { readDocumentFile, readStatisticsFile } from './cliStatisticsCommands';

interface Context {
  runtime: PipelineRuntime;
  stdout: (text: string) => void;
}

export async function reportCommand(args: ParsedArgs, ctx: Context): Promise<number> {
  const { runtime } = ctx;
  const statisticsPath = requiredValue(args, 'statistics');
  const baselinePath = requiredValue(args, 'baseline-statistics');
  const violationsPath = optionValue(args, 'violations');
  const constraintsPath = optionValue(args, 'baseline-constraints');
  const output = requiredValue(args, 'output');
  const current = await readStatisticsFile(statisticsPath, runtime);
  const baseline = await readStatisticsFile(baselinePath, runtime);
  const violations = violationsPath
    ? await readDocumentFile(violationsPath, runtime, readViolations)
    : undefined;
  const constraints = constraintsPath
    ? await readDocumentFile(constraintsPath, runtime, readConstraints)
    : undefined;
  const html = await reportHtml(
    {
      title: optionValue(args, 'title') ?? `Model Monitor report: ${statisticsPath}`,
      baseline,
      current,
      violations,
      settings: constraints && resolveMonitoringSettings(constraints.monitoring_config),
      sources: { baseline: baselinePath, current: statisticsPath, violations: violationsPath },
      generatedAt: new Date().toISOString()
    },
    renderSvg
  );
  await runtime.writeFiles(dirname(output), { [basename(output)]: html });
  ctx.stdout(JSON.stringify({ command: 'report', outputs: [output], bytes: html.length }) + '\n');
  return 0;
}
