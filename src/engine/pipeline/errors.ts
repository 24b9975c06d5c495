import { DiagnosticsSummary } from '../diagnostics';
import { RecordCounts } from '../io/readContext';

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

export class CancelledError extends Error {
  readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}
