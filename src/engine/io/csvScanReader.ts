/**
 * CSV through the byte-level core: quote-free UTF-8 lines become scanned batches (no string per
 * ASCII cell). At the first line the core does not take (a quote, bytes that are not UTF-8, another
 * field count),
 * or a chunk already decoded to text, the rest of the input, from that line on, goes to the text
 * reader, so rows keep their order and every problem is reported as the text reader reports it.
 */
import { instantiateCsvScan, CsvScanExports, SCAN_STOP } from '../wasm/csvScanModule';
import { ColumnBatch } from './batch';
import { ChunkSource } from './chunks';
import { ChunkQueue } from './chunkQueue';
import { splitCsvLine } from './csvParser';
import { headerNames } from './headerNames';
import type { CsvOptions } from './csvReader';
import { checkCsvWidth, readCsvText } from './csvTextReader';
import { CsvScanner } from './csvScanner';
import { ReadContext, recordLimit, throwIfAborted } from './readContext';
import { scannedBatch } from './scannedCells';

const NEWLINE = 10;
const CR = 13;
const QUOTE = 34;
const BOM = [0xef, 0xbb, 0xbf];

let core: CsvScanExports | null | undefined;

/** This isolate's instance of the core; null where WebAssembly is unavailable. */
export function csvScanCore(): CsvScanExports | null {
  if (core === undefined) {
    core = instantiateCsvScan();
  }
  return core;
}

export async function* readCsvScanned(
  source: ChunkSource,
  options: CsvOptions,
  ctx: ReadContext,
  scanCore: CsvScanExports
): AsyncGenerator<ColumnBatch> {
  const input = new ChunkQueue(source);
  const start = await readFirstLine(input, options);
  if (start === null) {
    yield* readCsvText(input.rest(), { ...options, scanCells: false }, ctx);
    return;
  }
  const { names, bytes, firstLine } = start;
  checkCsvWidth(names.length, options.header ? firstLine - 1 : firstLine, ctx);
  const scanner = new CsvScanner(scanCore, names.length);
  scanner.append(bytes);
  let line = firstLine;
  let eof = false;
  for (;;) {
    const { cells, lines, stop } = scanner.scan(eof);
    line += lines;
    if (cells) {
      ctx.counts.records += cells.rowCount;
      ctx.counts.rows += cells.rowCount;
      yield scannedBatch(names, cells);
    }
    if (stop === SCAN_STOP.inputEnd) {
      return;
    }
    if (stop === SCAN_STOP.batchFull) {
      continue;
    }
    if (stop === SCAN_STOP.needMore && scanner.held <= recordLimit(ctx)) {
      throwIfAborted(ctx);
      const next = await input.appendNext(chunk => scanner.append(chunk));
      if (next !== 'text') {
        eof = next === 'end';
        continue;
      }
    }
    // A line the core does not take, a text chunk, or a line too long: the text reader goes on.
    input.unshift(scanner.heldBytes());
    const rest = {
      ...options,
      columnNames: names,
      firstLine: line,
      scanCells: false,
      continued: true
    };
    yield* readCsvText(input.rest(), rest, ctx);
    return;
  }
}

interface ScanStart {
  names: string[];
  /** The bytes read so far, from the first line the core scans. */
  bytes: Uint8Array;
  firstLine: number;
}

/**
 * The column names, from the options or the file's first line, and the bytes to scan; null when
 * the text reader should read the whole input (a first line the core would not take), which is
 * then all still in `input`.
 */
async function readFirstLine(input: ChunkQueue, options: CsvOptions): Promise<ScanStart | null> {
  const firstLine = options.firstLine ?? 1;
  const read = await input.bytesUntilNewline();
  if (read === null) {
    return null;
  }
  let bytes = read;
  if (!options.continued && startsWithBom(bytes)) {
    bytes = bytes.subarray(BOM.length);
  }
  if (options.columnNames) {
    return { names: [...options.columnNames], bytes, firstLine };
  }
  const end = lineEnd(bytes);
  const fields = plainFields(bytes.subarray(0, end));
  if (fields === null) {
    input.unshift(read);
    return null;
  }
  if (options.header) {
    const names = headerNames(fields);
    return {
      names,
      bytes: bytes.subarray(Math.min(end + 1, bytes.length)),
      firstLine: firstLine + 1
    };
  }
  const names = fields.map((_, i) => options.featureNames?.[i] ?? `_c${i}`);
  return { names, bytes, firstLine };
}

/** Where the first line of `bytes` ends (its `\n`, or the end). */
function lineEnd(bytes: Uint8Array): number {
  const end = bytes.indexOf(NEWLINE);
  return end < 0 ? bytes.length : end;
}

/**
 * The fields of a quote-free UTF-8 line as the text reader splits it (empty ones null); null for
 * any other line, and for a blank one.
 */
function plainFields(line: Uint8Array): (string | null)[] | null {
  const stop = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
  if (stop === 0 || line.includes(QUOTE)) {
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      line.subarray(0, stop)
    );
  } catch {
    return null;
  }
  return splitCsvLine(text);
}

function startsWithBom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}
