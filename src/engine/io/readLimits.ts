/**
 * Readers stream, but one line or CSV record must fit in memory. A file with no line breaks (or a
 * CSV quote never closed) would otherwise be gathered whole, so past this size reading stops.
 */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

export class RecordTooLongError extends Error {
  readonly name = 'RecordTooLongError';
  constructor(readonly line: number) {
    super(
      `the record starting on line ${line} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} Mi characters (a missing line break or an unclosed quote?)`
    );
  }
}
