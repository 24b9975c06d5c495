import { ColumnBatch } from './batch';
import { scanCaptureEnvelope } from './captureEnvelope';
import { captureLineRows, checkRecordMetadata, CsvWidths } from './captureRecord';
import { CaptureRowScanner } from './captureRowScanner';
import { ChunkSource } from './chunks';
import { csvScanCore } from './csvScanReader';
import { splitLines } from './lines';
import { RecordPreprocessor } from './preprocessor';
import { fieldLimit, lineLimit, ReadContext, reject, throwIfAborted } from './readContext';
import { RowBatcher } from './rowBatcher';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

export interface CaptureOptions {
  /** Baseline feature names: columns take them by position; beyond them (or without) `_c<i>`. */
  featureNames?: string[];
  preprocessor?: RecordPreprocessor;
  firstLine?: number;
  /** Rows of plain CSV payloads through the byte-level core, as scanned batches (see readCsv). */
  scanCells?: boolean;
}

/** Reads SageMaker capture JSON lines (FORMATS.md §1.1–1.2) into text column batches. */
export async function* readCapture(
  source: ChunkSource,
  options: CaptureOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const names = options.featureNames ?? [];
  const nameFor = (index: number) => names[index] ?? `_c${index}`;
  const batcher = new RowBatcher([], ctx.batchSize, nameFor);
  const widths: CsvWidths = new Map();
  const core = options.scanCells && !options.preprocessor ? csvScanCore() : null;
  const scanned = core ? new CaptureRowScanner(core, nameFor, fieldLimit(ctx)) : null;
  for await (const run of splitLines(source, options.firstLine, lineLimit(ctx))) {
    throwIfAborted(ctx);
    for (let i = 0; i < run.lines.length; i++) {
      const line = run.lines[i];
      if (line.trim().length === 0) {
        continue;
      }
      ctx.counts.records++;
      const lineNumber = run.firstLine + i;
      if (hasInvalidUtf8(line)) {
        reject(ctx, { kind: 'invalid_utf8', line: lineNumber, message: INVALID_UTF8_MESSAGE });
        continue;
      }
      const envelope = scanCaptureEnvelope(line);
      if (scanned && envelope && scanned.tryAdd(envelope, widths)) {
        ctx.counts.rows++;
        checkRecordMetadata(envelope, lineNumber, ctx);
        if (scanned.full) {
          yield* flushed(batcher, scanned);
        }
        continue;
      }
      if (scanned?.pending) {
        // Rows keep their order: the scanned rows before this record's rows.
        yield* flushed(batcher, scanned);
      }
      for (const row of captureLineRows(
        line,
        lineNumber,
        ctx,
        widths,
        options.preprocessor,
        envelope
      )) {
        ctx.counts.rows++;
        const batch = batcher.add(row);
        if (batch) {
          yield batch;
        }
      }
    }
  }
  yield* flushed(batcher, scanned);
}

/** The rows held by either way, as batches: the text rows (if any) come before the scanned ones. */
function* flushed(batcher: RowBatcher, scanned: CaptureRowScanner | null): Generator<ColumnBatch> {
  const text = batcher.flush();
  if (text) {
    yield text;
  }
  const cells = scanned?.flush();
  if (cells) {
    yield cells;
  }
}
