/**
 * `model-monitor`: the engine's command-line interface (docs/cli.md). Used by the Jupyter server's
 * local backend and in CI pipelines. Machine-readable output: the run summary (JSON) on stdout,
 * progress and errors on stderr (JSON lines with `--progress json`).
 */
import { availableParallelism } from 'os';
import { formatDiagnostic } from './diagnostics';
import { RunSummary } from './pipeline/runSummary';
import { parseArgs } from './node/cliArgs';
import { COMMAND_OPTIONS, runCommand } from './node/cliCommands';
import { exitCodeOf, exitCodeOfRun, fail, messageOf, progressMode } from './node/cliOutcome';
import { HELP } from './node/cliHelp';
import { modelQualityMain } from './node/modelQualityCli';
import { EXIT } from './node/exitCodes';
import { cancelOnInterrupt } from './node/interrupt';
import { nodeRuntime } from './node/nodeRuntime';
import { holdOptimization } from './node/optimizationGate';
import { cutLongStrings } from './node/protocolLine';
import { ProgressMode, progressReporter } from './node/progressReporter';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'model-quality') {
    return modelQualityMain(rest);
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP.main);
    return command ? EXIT.ok : EXIT.usage;
  }
  const accepted = COMMAND_OPTIONS[command];
  if (!accepted) {
    return fail(
      EXIT.usage,
      `unknown command ${JSON.stringify(command)}; run 'model-monitor --help'`,
      'none'
    );
  }
  let mode: ProgressMode = process.stderr.isTTY ? 'bar' : 'none';
  const interrupt = cancelOnInterrupt();
  try {
    const args = parseArgs(rest, accepted);
    if (args.flags.has('help')) {
      process.stdout.write(HELP[command]);
      return EXIT.ok;
    }
    mode = progressMode(args.options.get('progress')?.[0], mode);
    const reporter = progressReporter(mode);
    const gate = holdOptimization(command);
    const result = await runCommand(command, args, {
      runtime: nodeRuntime(),
      signal: interrupt.signal,
      onProgress: event => {
        gate.observe(event);
        reporter(event);
      },
      defaultWorkers: availableParallelism(),
      stdout: text => process.stdout.write(text)
    }).finally(() => {
      gate.open();
      reporter.finish();
    });
    if (typeof result === 'number') {
      return result;
    }
    report(result, mode);
    reporter({ type: 'done', summary: result });
    return exitCodeOfRun(args.flags.has('fail-on-violations'), result);
  } catch (error) {
    return fail(exitCodeOf(error, interrupt.signal), messageOf(error), mode);
  } finally {
    interrupt.dispose();
  }
}

/** The summary as JSON on stdout; on stderr a human summary of bad records (unless JSON progress). */
function report(summary: RunSummary, mode: ProgressMode): void {
  process.stdout.write(JSON.stringify(summary, cutLongStrings, 2) + '\n');
  if (mode === 'json' || summary.diagnostics.examples.length === 0) {
    return;
  }
  const counts = Object.entries(summary.diagnostics.counts).map(([kind, n]) => `${kind} ${n}`);
  process.stderr.write(
    `${summary.records.rejected} of ${summary.records.records} records rejected; problems: ${counts.join(', ')}\n`
  );
  for (const diagnostic of summary.diagnostics.examples) {
    process.stderr.write(`  ${formatDiagnostic(diagnostic)}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`model-monitor: ${String(error?.stack ?? error)}\n`);
      process.exitCode = EXIT.internal;
    }
  );
}
