/**
 * Readers stream, but one line or CSV record must fit in memory. A file with no line breaks (or a
 * CSV quote never closed) would otherwise be gathered whole, so past this size reading stops.
 */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

export class RecordTooLongError extends Error {
  readonly name = 'RecordTooLongError';
  constructor(
    readonly line: number,
    limit = MAX_RECORD_CHARS
  ) {
    super(
      `the record starting on line ${line} is longer than ${limit} characters (--max-record-chars; a missing line break or an unclosed quote?)`
    );
  }
}

export function recordTooLong(chars: number, limit: number): string {
  return `${chars} characters, more than the limit of ${limit} (--max-record-chars)`;
}

/**
 * Fields a record may have (`--max-fields`). Each column costs its profile state (about 120 KB at
 * peak, statistics output included), so the default bounds one run near 1.2 GB; a 100,000-field
 * header took 10 GB and a minute, and endpoint clients choose the width of what is captured.
 */
export const DEFAULT_MAX_FIELDS = 10_000;

export function tooManyFields(count: number, limit: number): string {
  return `${count} fields, more than the limit of ${limit} (--max-fields)`;
}
