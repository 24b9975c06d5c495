/**
 * Capture lines through the byte-level core (wasm/assembly/captureLines.ts). Once a record has set
 * both sides' CSV widths, the lines in SageMaker's exact shape become CSV rows in the core's memory
 * and are scanned there: no JavaScript string per line or cell. Any other line is decoded and read
 * the text way in its place, so rows keep their order and every problem is reported as the text way
 * reports it. The rest of the input goes the text way when no record sets the widths early on, at
 * a text chunk, and at a line past the record limit.
 */
import { CsvScanExports, SCAN_STOP } from '../wasm/csvScanModule';
import { ColumnBatch } from './batch';
import { ChunkQueue } from './chunkQueue';
import { ChunkSource } from './chunks';
import { CaptureTextRows } from './captureTextRows';
import { CsvScanner } from './csvScanner';
import { stripCr } from './lines';
import { lineLimit, ReadContext, recordLimit, throwIfAborted } from './readContext';
import { ScannedCells, scannedBatch } from './scannedCells';
import { Utf8Decoder } from './utf8';

const NEWLINE = 10;
/** Records read the text way without both CSV widths before the rest goes the text way too. */
const RECORDS_TO_SET_WIDTHS = 16;

/** Bytes gathered before a scan, so batches are big whatever the chunk size of the source. */
const BYTES_PER_SCAN = 1 << 20;

type Stop = (typeof SCAN_STOP)[keyof typeof SCAN_STOP];

export async function* readCaptureScanned(
  source: ChunkSource,
  text: CaptureTextRows,
  core: CsvScanExports,
  ctx: ReadContext,
  firstLine: number
): AsyncGenerator<ColumnBatch> {
  const input = new ChunkQueue(source);
  const lines = new LineReader(text, ctx, firstLine);
  // Until the widths are known the scanner only holds bytes; then one of the rows' width does.
  let scanner = new CsvScanner(core, 1);
  let widths: Widths | null = null;
  let names: string[] = [];
  let eof = false;
  const recordsAtStart = ctx.counts.records;
  for (;;) {
    throwIfAborted(ctx);
    let stop: Stop = SCAN_STOP.specialLine;
    if (widths && !eof && scanner.held < Math.min(BYTES_PER_SCAN, recordLimit(ctx))) {
      stop = SCAN_STOP.needMore;
    } else if (widths) {
      const rows = captureRows(core, scanner, widths, eof, recordLimit(ctx));
      if (rows.cells) {
        const held = text.flush();
        if (held) {
          yield held;
        }
        ctx.counts.records += rows.count;
        ctx.counts.rows += rows.count;
        yield scannedBatch(names, rows.cells);
      }
      scanner.skip(rows.consumed);
      lines.skipped(rows.count);
      stop = rows.stop;
      if (stop === SCAN_STOP.batchFull) {
        continue;
      }
    }
    if (stop === SCAN_STOP.specialLine) {
      const read = lines.next(scanner, eof);
      if (read === 'end') {
        break;
      }
      if (read !== 'more') {
        yield* read;
        if (!widths) {
          widths = widthsOf(text);
          if (widths) {
            scanner = withWidth(core, scanner, widths.output + widths.input);
            names = Array.from({ length: scanner.width }, (_, i) => text.nameFor(i));
          } else if (ctx.counts.records - recordsAtStart >= RECORDS_TO_SET_WIDTHS) {
            break;
          }
        }
        continue;
      }
    } else if (eof) {
      break;
    }
    if (scanner.held <= recordLimit(ctx)) {
      const next = await input.appendNext(chunk => scanner.append(chunk));
      if (next !== 'text') {
        eof = next === 'end';
        continue;
      }
    }
    break;
  }
  // The text way reads whatever is left (nothing at the end of the input), then the rows it holds.
  input.unshift(scanner.heldBytes());
  yield* text.readAll(input.rest(), lines.number, !lines.decodedAny);
}

interface Widths {
  output: number;
  input: number;
}

function widthsOf(text: CaptureTextRows): Widths | null {
  const output = text.widths.get('endpointOutput');
  const input = text.widths.get('endpointInput');
  return output === undefined || input === undefined ? null : { output, input };
}

/** A scanner of `width` holding what `old` held. */
function withWidth(core: CsvScanExports, old: CsvScanner, width: number): CsvScanner {
  const held = old.heldBytes();
  const scanner = new CsvScanner(core, width);
  scanner.append(held);
  return scanner;
}

interface CaptureRows {
  cells: ScannedCells | null;
  count: number;
  /** Bytes of capture lines read. */
  consumed: number;
  stop: Stop;
}

/** The held lines the core takes, as one scanned batch of rows. */
function captureRows(
  core: CsvScanExports,
  scanner: CsvScanner,
  widths: Widths,
  eof: boolean,
  maxChars: number
): CaptureRows {
  const count = core.captureRows(
    scanner.heldAddress,
    scanner.held,
    eof ? 1 : 0,
    scanner.maxRows,
    widths.output,
    widths.input,
    maxChars
  );
  const [consumed, , reason, rowBytes] = new Int32Array(
    core.memory.buffer,
    core.captureStatusStart(),
    4
  );
  const { cells, rows } = count > 0 ? scanner.scanFront(rowBytes) : { cells: null, rows: 0 };
  if (rows !== count) {
    throw new Error(`capture core: ${count} rows written but ${rows} scanned`);
  }
  // All complete lines taken before the end of the input: more may follow.
  const stop = reason === SCAN_STOP.inputEnd && !eof ? SCAN_STOP.needMore : (reason as Stop);
  return { cells, count, consumed, stop };
}

/** The text way of one line at a time, from the scanner's held bytes; keeps the line number. */
class LineReader {
  number: number;
  decodedAny = false;
  private readonly decoder = new Utf8Decoder();
  private readonly limit;

  constructor(
    private readonly text: CaptureTextRows,
    ctx: ReadContext,
    firstLine: number
  ) {
    this.number = firstLine;
    this.limit = lineLimit(ctx);
  }

  /** Lines the core took. */
  skipped(count: number): void {
    this.number += count;
  }

  /**
   * The rows of the first line held, read the text way; 'more' when the line is not complete
   * yet, 'end' when nothing is left.
   */
  next(scanner: CsvScanner, eof: boolean): Iterable<ColumnBatch> | 'more' | 'end' {
    const held = scanner.heldView();
    let end = held.indexOf(NEWLINE);
    if (end < 0) {
      if (!eof) {
        return 'more';
      }
      if (held.length === 0) {
        return 'end';
      }
      end = held.length;
    }
    let line = this.decoder.decode(held.subarray(0, end)) + this.decoder.end();
    scanner.skip(Math.min(end + 1, held.length));
    if (!this.decodedAny && line.charCodeAt(0) === 0xfeff) {
      line = line.slice(1);
    }
    this.decodedAny = true;
    const lineNumber = this.number++;
    if (line.length > this.limit.maxChars!) {
      this.limit.onTooLong!(lineNumber, line.length);
      return [];
    }
    return this.text.addLine(stripCr(line), lineNumber);
  }
}
