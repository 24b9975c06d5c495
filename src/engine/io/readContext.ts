import { Diagnostic, DiagnosticsCollector } from '../diagnostics';
import { DatasetFormat } from './datasetFormat';
import type { LineLimit } from './lines';
import { DEFAULT_MAX_FIELDS, MAX_RECORD_CHARS, recordTooLong } from './readLimits';

/** Records read and rejected: the denominator and numerator of `--max-error-rate`. */
export interface RecordCounts {
  /** Input records (CSV records, JSON lines, capture lines), good and bad. */
  records: number;
  /** Records dropped because they could not be read. */
  rejected: number;
  /** Rows yielded (a capture record can give several). */
  rows: number;
}

/** What every reader needs besides its bytes: where problems go and how big batches are. */
export interface ReadContext {
  /** The file name diagnostics show. */
  file: string;
  diagnostics: DiagnosticsCollector;
  counts: RecordCounts;
  /** Rows per yielded batch. */
  batchSize: number;
  signal?: AbortSignal;
  /** Fields a record may have; absent: DEFAULT_MAX_FIELDS. */
  maxFields?: number;
  /** Characters a record may have; absent: MAX_RECORD_CHARS. */
  maxRecordChars?: number;
  /** Batches carry each row's line and event id (record queries; text readers only). */
  keepOrigins?: boolean;
  /** With keepOrigins, capture rows' origins carry this `eventMetadata` field (segmented runs). */
  segmentMetadataKey?: string;
}

export const DEFAULT_BATCH_SIZE = 4096;

/**
 * Rows per batch when profiling a file of `format`. Small batches of CSV and capture rows die
 * young: with 4096-row batches most cells outlived a scavenge, were promoted, and the old
 * generation grew with garbage. JSON lines keep 4096: their batches list every key seen so far in
 * sorted order and a profile keeps columns in first-seen order, so there the batch size decides
 * the column order of profile files (and of statistics of mixed-format datasets).
 */
export function batchSizeFor(format: DatasetFormat): number {
  return format === 'json' ? DEFAULT_BATCH_SIZE : 256;
}

export function newCounts(): RecordCounts {
  return { records: 0, rejected: 0, rows: 0 };
}

export function createReadContext(
  file: string,
  diagnostics = new DiagnosticsCollector()
): ReadContext {
  return { file, diagnostics, counts: newCounts(), batchSize: DEFAULT_BATCH_SIZE };
}

/** Reports a record that is dropped: counted as rejected and kept as a diagnostic. */
export function reject(ctx: ReadContext, diagnostic: Omit<Diagnostic, 'file'>): void {
  ctx.counts.rejected++;
  ctx.diagnostics.report({ file: ctx.file, ...diagnostic });
}

/** Reports a problem that does not drop the record (e.g. a template time). */
export function warn(ctx: ReadContext, diagnostic: Omit<Diagnostic, 'file'>): void {
  ctx.diagnostics.report({ file: ctx.file, ...diagnostic });
}

export function throwIfAborted(ctx: ReadContext): void {
  if (ctx.signal?.aborted) {
    throw ctx.signal.reason ?? new Error('aborted');
  }
}

export function fieldLimit(ctx: ReadContext): number {
  return ctx.maxFields ?? DEFAULT_MAX_FIELDS;
}

export function recordLimit(ctx: ReadContext): number {
  return ctx.maxRecordChars ?? MAX_RECORD_CHARS;
}

/**
 * The line limit of line-based readers (JSON lines, captures): a line past the record limit is
 * skipped without being held whole, counted, and rejected as `record_too_long`; reading goes on.
 */
export function lineLimit(ctx: ReadContext): LineLimit {
  const maxChars = recordLimit(ctx);
  return {
    maxChars,
    onTooLong: (line, chars) => {
      ctx.counts.records++;
      reject(ctx, { kind: 'record_too_long', line, message: recordTooLong(chars, maxChars) });
    }
  };
}
