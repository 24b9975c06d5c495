/**
 * Feeds CSV bytes to the byte-level core and hands back its batches. The input area holds the bytes
 * not scanned yet (an incomplete last line, or lines past a full batch); the cell arrays of one
 * batch sit after it, then the state area and numbers of `ColumnFolder`. Memory grows when a chunk
 * needs more room and is never shrunk.
 */
import { ColumnFold } from '../profile/foldTarget';
import { ColumnFolder, FOLD_STATE_BYTES } from '../wasm/columnFolder';
import { CsvScanExports, SCAN_STOP } from '../wasm/csvScanModule';
import { growMemoryTo, WASM_PAGE_BYTES } from '../wasm/wasmMemory';
import { ScannedCells } from './scannedCells';

/** Bytes of the cell arrays per cell: f64 value, i32 start, end, slot, hash, u8 kind. */
const BYTES_PER_CELL = 25;
/** Cells per batch at most, whatever the width (about 6 MB of cell arrays). */
const MAX_BATCH_CELLS = 256 * 1024;
const MAX_BATCH_ROWS = 4096;

export interface ScanResult {
  cells: ScannedCells | null;
  /** Lines consumed, blank ones included. */
  lines: number;
  stop: (typeof SCAN_STOP)[keyof typeof SCAN_STOP];
}

export class CsvScanner {
  readonly maxRows: number;
  private readonly inputStart: number;
  private inputCapacity = 0;
  /** Unscanned bytes are input[head, length). */
  private head = 0;
  private length = 0;
  private view = new Uint8Array(0);
  private folder: ColumnFolder | null = null;

  constructor(
    private readonly core: CsvScanExports,
    readonly width: number
  ) {
    this.maxRows = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_BATCH_CELLS / width)));
    this.inputStart = core.heapStart();
  }

  /** Bytes held and not scanned yet. */
  get held(): number {
    return this.length - this.head;
  }

  /** The bytes not scanned yet, in place: valid until the next call that adds bytes. */
  heldView(): Uint8Array {
    return this.inputView().subarray(this.head, this.length);
  }

  /** The core's address of the first byte held. */
  get heldAddress(): number {
    return this.inputStart + this.head;
  }

  /** Drops the first `bytes` bytes held. */
  skip(bytes: number): void {
    this.head += bytes;
  }

  /** A copy of the bytes not scanned yet. */
  heldBytes(): Uint8Array {
    return this.inputView().slice(this.head, this.length);
  }

  /** Adds bytes after those held. */
  append(chunk: Uint8Array): void {
    const held = this.held;
    this.reserve(held + chunk.length);
    const input = this.inputView();
    input.copyWithin(0, this.head, this.length);
    input.set(chunk, held);
    this.head = 0;
    this.length = held + chunk.length;
  }

  /** Where the next appended byte goes (an index into `room`'s view). */
  get end(): number {
    return this.length;
  }

  /**
   * The input area, with room for `bytes` more bytes from `end` on (which this may move: read `end`
   * after); valid until the next call.
   */
  room(bytes: number): Uint8Array {
    this.reserve(this.length + bytes);
    return this.inputView();
  }

  /** Keeps the `bytes` bytes written from `end` on. */
  commit(bytes: number): void {
    this.length += bytes;
  }

  /** The core's address of input byte `index`. */
  addressOf(index: number): number {
    return this.inputStart + index;
  }

  /** Scans the held bytes into one batch; `eof` when no more bytes will come. */
  scan(eof: boolean): ScanResult {
    const core = this.core;
    const inputAt = this.inputStart + this.head;
    const out = this.cellsStart();
    const rows = core.scan(inputAt, this.held, eof ? 1 : 0, this.width, this.maxRows, out);
    const status = new Int32Array(core.memory.buffer, core.statusStart(), 3);
    const consumed = status[0];
    const result: ScanResult = {
      cells: rows > 0 ? this.cellsAt(inputAt, out, rows) : null,
      lines: status[1],
      stop: status[2] as ScanResult['stop']
    };
    this.head += consumed;
    return result;
  }

  /**
   * Scans the first `bytes` bytes held, complete lines of this scanner's width written there in
   * place (capture rows), into one batch; they stay held until skipped.
   */
  scanFront(bytes: number): { cells: ScannedCells | null; rows: number } {
    const inputAt = this.heldAddress;
    const out = this.cellsStart();
    const rows = this.core.scan(inputAt, bytes, 1, this.width, this.maxRows, out);
    return { cells: rows > 0 ? this.cellsAt(inputAt, out, rows, bytes) : null, rows };
  }

  private cellsAt(inputAt: number, out: number, rows: number, bytes = this.held): ScannedCells {
    const buffer = this.core.memory.buffer;
    const n = this.width * this.maxRows;
    const starts = out + 8 * n;
    const ends = starts + 4 * n;
    const slots = ends + 4 * n;
    const hashes = slots + 4 * n;
    const kinds = hashes + 4 * n;
    const fold: ColumnFold = (from, rowCount, target) =>
      this.folder!.fold(kinds + from, out + 8 * from, slots + 4 * from, rowCount, target);
    const hash = (from: number, count: number): void =>
      this.core.hashCells(
        inputAt,
        kinds + from,
        starts + 4 * from,
        ends + 4 * from,
        hashes + 4 * from,
        count
      );
    return new ScannedCells(
      new Uint8Array(buffer, inputAt, bytes),
      new Uint8Array(buffer, kinds, n),
      new Float64Array(buffer, out, n),
      new Int32Array(buffer, starts, n),
      new Int32Array(buffer, ends, n),
      new Int32Array(buffer, slots, n),
      new Int32Array(buffer, hashes, n),
      rows,
      this.maxRows,
      hash,
      fold
    );
  }

  private cellsStart(): number {
    return align8(this.inputStart + this.inputCapacity);
  }

  private cellsEnd(): number {
    return align8(this.cellsStart() + BYTES_PER_CELL * this.width * this.maxRows);
  }

  /** A view of the input area, made anew only when memory or capacity changed. */
  private inputView(): Uint8Array {
    const buffer = this.core.memory.buffer;
    if (this.view.buffer !== buffer || this.view.length !== this.inputCapacity) {
      this.view = new Uint8Array(buffer, this.inputStart, this.inputCapacity);
    }
    return this.view;
  }

  /** Makes the input area hold `bytes` (keeping what it holds) and the cell arrays fit after it. */
  private reserve(bytes: number): void {
    if (bytes <= this.inputCapacity && this.inputCapacity > 0) {
      return;
    }
    const old = this.inputView().slice(this.head, this.length);
    this.inputCapacity = Math.max(bytes, 2 * this.inputCapacity, WASM_PAGE_BYTES);
    const stateAt = this.cellsEnd();
    const numbersAt = stateAt + FOLD_STATE_BYTES;
    growMemoryTo(this.core.memory, numbersAt + 8 * this.maxRows);
    this.folder = new ColumnFolder(this.core, stateAt, numbersAt);
    this.inputView().set(old);
    this.length = old.length;
    this.head = 0;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
