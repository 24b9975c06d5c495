/** How a CLI run ends on stderr and in its exit code, shared by every command. */
import { CancelledError, DataError, UsageError } from '../errors';
import { EXIT } from './exitCodes';
import { ProgressMode } from './progressReporter';
import { protocolLine } from './protocolLine';
import { removePendingSync } from './writeFilesAtomic';

export function progressMode(value: string | undefined, fallback: ProgressMode): ProgressMode {
  if (value === undefined) {
    return fallback;
  }
  if (value !== 'bar' && value !== 'json' && value !== 'none') {
    throw new UsageError(`--progress must be bar, json or none, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * How a run that finished exits: `violations` (3) when asked to fail on violations and the run,
 * or any of its segments, has some.
 */
export function exitCodeOfRun(
  failOnViolations: boolean,
  summary: { violations?: number; segmentViolations?: number }
): number {
  const violations = (summary.violations ?? 0) + (summary.segmentViolations ?? 0);
  return failOnViolations && violations > 0 ? EXIT.violations : EXIT.ok;
}

export function exitCodeOf(error: unknown, signal: AbortSignal): number {
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

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    return error instanceof UsageError ||
      error instanceof DataError ||
      error instanceof CancelledError
      ? error.message
      : (error.stack ?? error.message);
  }
  return String(error);
}

export function fail(code: number, message: string, mode: ProgressMode): number {
  removePendingSync();
  if (mode === 'json') {
    process.stderr.write(protocolLine({ type: 'error', exitCode: code, message }));
  } else {
    process.stderr.write(`model-monitor: ${message}\n`);
  }
  return code;
}
