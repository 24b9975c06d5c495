import { ColumnBatch } from './batch';
import { CaptureEnvelope, scanCaptureEnvelope } from './captureEnvelope';
import { captureLineRows, captureRecordOf, CsvWidths } from './captureRecord';
import { ChunkSource } from './chunks';
import { splitLines } from './lines';
import { CaptureRecordInput, PreprocessorOutcome, RecordPreprocessor } from './preprocessor';
import { lineLimit, ReadContext, reject, throwIfAborted } from './readContext';
import { Row } from './payloadRows';
import { RowBatcher } from './rowBatcher';
import { eventMetadataOfLine, metadataText, RowOrigin } from './rowOrigin';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

/** Records a preprocessor gets at once: a round trip to a Python process per this many. */
const PREPROCESSOR_BATCH = 512;
/** Batches sent before the oldest one's rows are taken: the reader and Python work at once. */
const BATCHES_IN_FLIGHT = 2;

interface HeldRecord extends CaptureRecordInput {
  lineNumber: number;
  origin?: RowOrigin;
}

/**
 * The text way of capture lines: each line's rows (captureRecord.ts), in line order, in batches of
 * text cells. The byte-level way (captureScanReader.ts) hands it the lines it does not take.
 * With a preprocessor, records are held and handed to it in batches, their rows kept in line order.
 */
export class CaptureTextRows {
  /** Each side's CSV width, set by the first record that has it. */
  readonly widths: CsvWidths = new Map();
  readonly nameFor: (index: number) => string;
  private readonly batcher: RowBatcher;
  private held: HeldRecord[] = [];
  private inFlight: { held: HeldRecord[]; outcomes: Promise<PreprocessorOutcome[]> }[] = [];

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
        if (this.held.length >= PREPROCESSOR_BATCH) {
          this.sendHeld();
          if (this.inFlight.length > BATCHES_IN_FLIGHT) {
            yield* this.rowsOfOldestBatch();
          }
        }
      }
    }
    this.sendHeld();
    while (this.inFlight.length > 0) {
      yield* this.rowsOfOldestBatch();
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
    const origin = ctx.keepOrigins ? originOf(line, lineNumber, envelope, ctx) : undefined;
    if (this.preprocessor) {
      const record = captureRecordOf(line, lineNumber, ctx, envelope);
      if (record) {
        this.held.push({ line, record, lineNumber, origin });
      }
      return;
    }
    yield* this.addRows(captureLineRows(line, lineNumber, ctx, this.widths, envelope), origin);
  }

  private *addRows(rows: Row[], origin: RowOrigin | undefined): Generator<ColumnBatch> {
    for (const row of rows) {
      this.ctx.counts.rows++;
      const batch = this.batcher.add(row, origin);
      if (batch) {
        yield batch;
      }
    }
  }

  /** Hands the held records to the preprocessor; their rows are taken later, in order. */
  private sendHeld(): void {
    if (this.held.length === 0 || !this.preprocessor) {
      return;
    }
    const held = this.held;
    this.held = [];
    const outcomes = this.preprocessor.preprocess(held);
    outcomes.catch(() => undefined); // awaited by rowsOfOldestBatch, which reports the failure
    this.inFlight.push({ held, outcomes });
  }

  /** The oldest batch's rows, or each record's error reported at its line. */
  private async *rowsOfOldestBatch(): AsyncGenerator<ColumnBatch> {
    const { held, outcomes } = this.inFlight.shift()!;
    const results = await outcomes;
    for (let i = 0; i < held.length; i++) {
      const outcome = results[i];
      if ('error' in outcome) {
        const message = outcome.error;
        reject(this.ctx, { kind: 'preprocessor_error', line: held[i].lineNumber, message });
      } else {
        yield* this.addRows(outcome.rows, held[i].origin);
      }
    }
  }

  /** The rows held, as a batch (null when there are none). */
  flush(): ColumnBatch | null {
    return this.batcher.flush();
  }
}

function originOf(
  line: string,
  lineNumber: number,
  envelope: CaptureEnvelope | null,
  ctx: ReadContext
): RowOrigin {
  // One parse of a line the envelope did not take serves the event id and the segment.
  const metadata = envelope ? envelope.eventMetadata : eventMetadataOfLine(line);
  const eventId = (metadata as { eventId?: unknown } | null)?.eventId;
  const origin: RowOrigin = {
    line: lineNumber,
    eventId: typeof eventId === 'string' ? eventId : null
  };
  const key = ctx.segmentMetadataKey;
  if (key !== undefined) {
    origin.segment = metadataText(metadata, key);
  }
  return origin;
}
