import { DiagnosticsSummary } from './diagnostics';
import { RecordCounts } from './io/readContext';

/** Errors a run ends with; the CLI maps each to its exit code (docs/cli.md). */
export class UsageError extends Error {
  readonly name = 'UsageError';
}

/** Unreadable input, no rows, too many bad records, invalid baseline documents. */
export class DataError extends Error {
  readonly name = 'DataError';
  constructor(
    message: string,
    /** Present when the data was read: what went wrong in it. */
    readonly report?: { counts: RecordCounts; diagnostics: DiagnosticsSummary }
  ) {
    super(message);
  }
}

/** A dataset (or its time window) with no file to read: runs and record queries say it alike. */
export function noInputFilesError(dataset: string, windowed: boolean): DataError {
  return new DataError(
    `no input files in ${dataset}${windowed ? ' for the given time window' : ''}`
  );
}

export class CancelledError extends Error {
  readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/**
 * The same error as one of this bundle's classes: a bundle loaded apart (the report command's)
 * has its own copies of these classes, which `instanceof` does not recognise.
 */
export function asOwnError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof UsageError || error instanceof DataError) {
    return error;
  }
  switch (error.name) {
    case 'UsageError':
      return new UsageError(error.message);
    case 'DataError':
      return new DataError(error.message);
    case 'CancelledError':
      return new CancelledError(error.message);
    default:
      return error;
  }
}
