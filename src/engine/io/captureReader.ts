import { ColumnBatch } from './batch';
import { captureLineRows, CsvWidths } from './captureRecord';
import { ChunkSource } from './chunks';
import { splitLines } from './lines';
import { RecordPreprocessor } from './preprocessor';
import { ReadContext, reject, throwIfAborted } from './readContext';
import { RowBatcher } from './rowBatcher';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

export interface CaptureOptions {
  /** Baseline feature names: columns take them by position; beyond them (or without) `_c<i>`. */
  featureNames?: string[];
  preprocessor?: RecordPreprocessor;
  firstLine?: number;
}

/** Reads SageMaker capture JSON lines (FORMATS.md §1.1–1.2) into text column batches. */
export async function* readCapture(
  source: ChunkSource,
  options: CaptureOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const names = options.featureNames ?? [];
  const batcher = new RowBatcher([], ctx.batchSize, index => names[index] ?? `_c${index}`);
  const widths: CsvWidths = new Map();
  for await (const run of splitLines(source, options.firstLine)) {
    throwIfAborted(ctx);
    for (let i = 0; i < run.lines.length; i++) {
      const line = run.lines[i];
      if (line.trim().length === 0) {
        continue;
      }
      ctx.counts.records++;
      if (hasInvalidUtf8(line)) {
        const lineNumber = run.firstLine + i;
        reject(ctx, { kind: 'invalid_utf8', line: lineNumber, message: INVALID_UTF8_MESSAGE });
        continue;
      }
      for (const row of captureLineRows(
        line,
        run.firstLine + i,
        ctx,
        widths,
        options.preprocessor
      )) {
        ctx.counts.rows++;
        const batch = batcher.add(row);
        if (batch) {
          yield batch;
        }
      }
    }
  }
  const last = batcher.flush();
  if (last) {
    yield last;
  }
}
