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
import { scannedBatch } from './scannedCells';
import { CsvScanner } from './csvScanner';

const COMMA = 44;
const NEWLINE = 10;
/** Made on first use: some hosts (jsdom) have no TextEncoder. */
let encoder: TextEncoder | undefined;
const OUTPUT = 'endpointOutput';
const INPUT = 'endpointInput';

export class CaptureRowScanner {
  private scanner: CsvScanner | null = null;
  private rows = 0;

  constructor(
    private readonly core: CsvScanExports,
    private readonly nameFor: (index: number) => string,
    /** A record with a side wider than this is left to the text way, which rejects it. */
    private readonly maxFields: number
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
    if (
      (outputWidth === undefined && countCommas(outputText) >= this.maxFields) ||
      (inputWidth === undefined && countCommas(inputText) >= this.maxFields)
    ) {
      return false;
    }
    const scanner = (this.scanner ??= new CsvScanner(
      this.core,
      (outputWidth ?? countCommas(outputText) + 1) + (inputWidth ?? countCommas(inputText) + 1)
    ));
    const row = this.writeRow(scanner, outputText, inputText);
    if (row === null) {
      return false;
    }
    const [outputFields, inputFields] = row;
    if (
      (outputWidth ?? outputFields) !== outputFields ||
      (inputWidth ?? inputFields) !== inputFields ||
      outputFields + inputFields !== scanner.width
    ) {
      return false;
    }
    scanner.commit(outputText.length + inputText.length + 2);
    widths.set(OUTPUT, outputFields);
    widths.set(INPUT, inputFields);
    this.rows++;
    return true;
  }

  /**
   * Writes `output,input\n` after the scanner's bytes, not yet kept; returns each side's field
   * count, or null when a side is not plain (then what was written is left uncommitted).
   */
  private writeRow(scanner: CsvScanner, output: string, input: string): [number, number] | null {
    const bytes = scanner.room(output.length + input.length + 2);
    const at = scanner.end;
    const outputCommas = this.writePlain(scanner, bytes, output, at);
    if (outputCommas < 0) {
      return null;
    }
    const inputAt = at + output.length + 1;
    const inputCommas = this.writePlain(scanner, bytes, input, inputAt);
    if (inputCommas < 0) {
      return null;
    }
    bytes[inputAt - 1] = COMMA;
    bytes[inputAt + input.length] = NEWLINE;
    return [outputCommas + 1, inputCommas + 1];
  }

  /**
   * Encodes `text` at `at` and returns its commas, or -1 unless it is plain: ASCII (one byte a
   * character, so all of it fits), no quote, no line break. The core checks the bytes.
   */
  private writePlain(scanner: CsvScanner, bytes: Uint8Array, text: string, at: number): number {
    encoder ??= new TextEncoder();
    const { read, written } = encoder.encodeInto(text, bytes.subarray(at, at + text.length));
    if (read !== text.length || written !== text.length) {
      return -1;
    }
    return this.core.plainCommas(scanner.addressOf(at), written);
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
    return scannedBatch(names, cells);
  }
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
