/**
 * Capture rows through the byte-level CSV core: a record whose two sides are single-line CSV
 * payloads of quote-free ASCII text is written as one CSV line (output cells, then input cells, as
 * `captureRecord.ts` pairs them) into the core's input, and a batch of such lines is scanned at
 * once. Any other record goes the text way; the reader flushes this scanner first, so rows keep
 * their order.
 */
import { CaptureEnvelope } from './captureEnvelope';
import { CsvWidths } from './captureRecord';
import { CsvScanExports } from '../wasm/csvScanModule';
import { ColumnBatch } from './batch';
import { CsvScanner } from './csvScanner';

const COMMA = 44;
const NEWLINE = 10;
const QUOTE = 34;
const CR = 13;
const OUTPUT = 'endpointOutput';
const INPUT = 'endpointInput';

export class CaptureRowScanner {
  private scanner: CsvScanner | null = null;
  private rows = 0;

  constructor(
    private readonly core: CsvScanExports,
    private readonly nameFor: (index: number) => string
  ) {}

  get pending(): number {
    return this.rows;
  }

  get full(): boolean {
    return this.scanner !== null && this.rows === this.scanner.maxRows;
  }

  /**
   * Adds the record's row if the core can take it: CSV encoding on both sides, data of one line of
   * quote-free ASCII, field counts as `widths` require (set here by the first record). False leaves
   * the record to the text way, which reports whatever is wrong with it.
   */
  tryAdd({ captureData }: CaptureEnvelope, widths: CsvWidths): boolean {
    const output = captureData.endpointOutput;
    const input = captureData.endpointInput;
    const outputText = output.data;
    const inputText = input.data;
    if (
      !isCsv(output.encoding) ||
      !isCsv(input.encoding) ||
      typeof outputText !== 'string' ||
      typeof inputText !== 'string' ||
      outputText.length === 0 ||
      inputText.length === 0
    ) {
      return false;
    }
    const outputWidth = widths.get(OUTPUT);
    const inputWidth = widths.get(INPUT);
    const scanner = (this.scanner ??= new CsvScanner(
      this.core,
      (outputWidth ?? countCommas(outputText) + 1) + (inputWidth ?? countCommas(inputText) + 1)
    ));
    let outputFields = 0;
    let inputFields = 0;
    const added = scanner.appendWith(outputText.length + inputText.length + 2, (bytes, at) => {
      const afterOutput = writePlain(outputText, bytes, at);
      outputFields = commas + 1;
      if (afterOutput < 0 || (outputWidth ?? outputFields) !== outputFields) {
        return -1;
      }
      bytes[afterOutput] = COMMA;
      const end = writePlain(inputText, bytes, afterOutput + 1);
      inputFields = commas + 1;
      if (end < 0 || (inputWidth ?? inputFields) !== inputFields) {
        return -1;
      }
      if (outputFields + inputFields !== scanner.width) {
        return -1;
      }
      bytes[end] = NEWLINE;
      return end + 1 - at;
    });
    if (added) {
      widths.set(OUTPUT, outputFields);
      widths.set(INPUT, inputFields);
      this.rows++;
    }
    return added;
  }

  /** The rows added so far as one scanned batch (null when there are none). */
  flush(): ColumnBatch | null {
    if (this.rows === 0 || this.scanner === null) {
      return null;
    }
    const { cells } = this.scanner.scan(true);
    this.rows = 0;
    if (cells === null) {
      return null;
    }
    const names = Array.from({ length: this.scanner.width }, (_, i) => this.nameFor(i));
    return {
      names,
      columns: names.map((_, i) => ({ kind: 'scanned', cells, offset: i * cells.maxRows })),
      rowCount: cells.rowCount
    };
  }
}

/** Commas of the last `writePlain` (a module variable: no object per call on the hot path). */
let commas = 0;

/**
 * Copies `text` into `bytes` at `at` and returns where it ended, or -1 at a character that is not
 * plain (non-ASCII, a quote, a line break). Counts its commas into `commas`.
 */
function writePlain(text: string, bytes: Uint8Array, at: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === QUOTE || c === NEWLINE || c === CR) {
      return -1;
    }
    if (c === COMMA) {
      count++;
    }
    bytes[at + i] = c;
  }
  commas = count;
  return at + text.length;
}

function countCommas(text: string): number {
  let count = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
    count++;
  }
  return count;
}

function isCsv(encoding: string | undefined): boolean {
  return encoding === 'CSV' || encoding?.toUpperCase() === 'CSV';
}
