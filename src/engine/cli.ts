/**
 * `model-monitor`: the engine's command-line interface (docs/cli.md). Used by the Jupyter server's
 * local backend and in CI pipelines. Machine-readable output: the run summary (JSON) on stdout,
 * progress and errors on stderr (JSON lines with `--progress json`).
 */
import { availableParallelism } from 'os';
import { formatDiagnostic } from './diagnostics';
import { CancelledError, DataError, UsageError } from './pipeline/errors';
import { RunSummary } from './pipeline/runSummary';
import { parseArgs } from './node/cliArgs';
import { COMMAND_OPTIONS, runCommand } from './node/cliCommands';
import { HELP } from './node/cliHelp';
import { modelQualityMain } from './node/modelQualityCli';
import { EXIT } from './node/exitCodes';
import { nodeRuntime } from './node/nodeRuntime';
import { ProgressMode, progressReporter } from './node/progressReporter';
import { removePendingSync } from './node/writeFilesAtomic';

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
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) {
      removePendingSync();
      process.exit(EXIT.cancelled);
    }
    controller.abort(new CancelledError());
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const args = parseArgs(rest, accepted);
    if (args.flags.has('help')) {
      process.stdout.write(HELP[command]);
      return EXIT.ok;
    }
    mode = progressMode(args.options.get('progress')?.[0], mode);
    const reporter = progressReporter(mode);
    const result = await runCommand(command, args, {
      runtime: nodeRuntime(),
      signal: controller.signal,
      onProgress: reporter,
      defaultWorkers: availableParallelism(),
      stdout: text => process.stdout.write(text)
    }).finally(() => reporter.finish());
    if (typeof result === 'number') {
      return result;
    }
    report(result, mode);
    reporter({ type: 'done', summary: result });
    return args.flags.has('fail-on-violations') && (result.violations ?? 0) > 0
      ? EXIT.violations
      : EXIT.ok;
  } catch (error) {
    return fail(exitCodeOf(error, controller.signal), messageOf(error), mode);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

function progressMode(value: string | undefined, fallback: ProgressMode): ProgressMode {
  if (value === undefined) {
    return fallback;
  }
  if (value !== 'bar' && value !== 'json' && value !== 'none') {
    throw new UsageError(`--progress must be bar, json or none, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The summary as JSON on stdout; on stderr a human summary of bad records (unless JSON progress). */
function report(summary: RunSummary, mode: ProgressMode): void {
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
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

function exitCodeOf(error: unknown, signal: AbortSignal): number {
  if (error instanceof CancelledError || signal.aborted) {
    return EXIT.cancelled;
  }
  if (error instanceof UsageError) {
    return EXIT.usage;
  }
  if (error instanceof DataError) {
    return EXIT.data;
  }
  return EXIT.internal;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    return error instanceof UsageError ||
      error instanceof DataError ||
      error instanceof CancelledError
      ? error.message
      : (error.stack ?? error.message);
  }
  return String(error);
}

function fail(code: number, message: string, mode: ProgressMode): number {
  removePendingSync();
  if (mode === 'json') {
    process.stderr.write(JSON.stringify({ type: 'error', exitCode: code, message }) + '\n');
  } else {
    process.stderr.write(`model-monitor: ${message}\n`);
  }
  return code;
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
