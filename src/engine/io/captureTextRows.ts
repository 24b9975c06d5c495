import { ColumnBatch } from './batch';
import { scanCaptureEnvelope } from './captureEnvelope';
import { captureLineRows, CsvWidths } from './captureRecord';
import { ChunkSource } from './chunks';
import { splitLines } from './lines';
import { RecordPreprocessor } from './preprocessor';
import { lineLimit, ReadContext, reject, throwIfAborted } from './readContext';
import { RowBatcher } from './rowBatcher';
import { eventIdOfLine, RowOrigin } from './rowOrigin';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

/**
 * The text way of capture lines: each line's rows (captureRecord.ts), in line order, in batches of
 * text cells. The byte-level way (captureScanReader.ts) hands it the lines it does not take.
 */
export class CaptureTextRows {
  /** Each side's CSV width, set by the first record that has it. */
  readonly widths: CsvWidths = new Map();
  readonly nameFor: (index: number) => string;
  private readonly batcher: RowBatcher;

  constructor(
    private readonly ctx: ReadContext,
    featureNames: string[] = [],
    private readonly preprocessor?: RecordPreprocessor
  ) {
    this.nameFor = index => featureNames[index] ?? `_c${index}`;
    this.batcher = new RowBatcher([], ctx.batchSize, this.nameFor, ctx.keepOrigins);
  }

  /** Reads every line of `source` from line `firstLine` on; ends with the rows still held. */
  async *readAll(
    source: ChunkSource,
    firstLine: number,
    stripBom = true
  ): AsyncGenerator<ColumnBatch> {
    for await (const run of splitLines(source, firstLine, lineLimit(this.ctx), stripBom)) {
      throwIfAborted(this.ctx);
      for (let i = 0; i < run.lines.length; i++) {
        yield* this.addLine(run.lines[i], run.firstLine + i);
      }
    }
    const rest = this.flush();
    if (rest) {
      yield rest;
    }
  }

  /** Adds one line (without its line break); yields a batch when one fills up. */
  *addLine(line: string, lineNumber: number): Generator<ColumnBatch> {
    const ctx = this.ctx;
    if (line.trim().length === 0) {
      return;
    }
    ctx.counts.records++;
    if (hasInvalidUtf8(line)) {
      reject(ctx, { kind: 'invalid_utf8', line: lineNumber, message: INVALID_UTF8_MESSAGE });
      return;
    }
    const envelope = scanCaptureEnvelope(line);
    const origin = ctx.keepOrigins
      ? originOf(line, lineNumber, envelope?.eventMetadata.eventId)
      : undefined;
    const rows = captureLineRows(line, lineNumber, ctx, this.widths, this.preprocessor, envelope);
    for (const row of rows) {
      ctx.counts.rows++;
      const batch = this.batcher.add(row, origin);
      if (batch) {
        yield batch;
      }
    }
  }

  /** The rows held, as a batch (null when there are none). */
  flush(): ColumnBatch | null {
    return this.batcher.flush();
  }
}

function originOf(line: string, lineNumber: number, eventId: string | undefined): RowOrigin {
  return { line: lineNumber, eventId: eventId ?? eventIdOfLine(line) };
}
