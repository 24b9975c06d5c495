/**
 * Feeds CSV bytes to the byte-level core and hands back its batches. The input area holds the bytes
 * not scanned yet (an incomplete last line, or lines past a full batch); the cell arrays of one
 * batch sit after it. Memory grows when a chunk needs more room and is never shrunk.
 */
import { CsvScanExports, SCAN_STOP } from '../wasm/csvScanModule';
import { ScannedCells } from './scannedCells';

const PAGE_BYTES = 65536;
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

  /**
   * Lets `write` put up to `maxBytes` bytes after those held, into `input` from `at`; it returns how
   * many it wrote, or -1 to keep none of them.
   */
  appendWith(maxBytes: number, write: (input: Uint8Array, at: number) => number): boolean {
    this.reserve(this.length + maxBytes);
    const written = write(this.inputView(), this.length);
    if (written < 0) {
      return false;
    }
    this.length += written;
    return true;
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

  private cellsAt(inputAt: number, out: number, rows: number): ScannedCells {
    const buffer = this.core.memory.buffer;
    const n = this.width * this.maxRows;
    const starts = out + 8 * n;
    const ends = starts + 4 * n;
    const slots = ends + 4 * n;
    const hashes = slots + 4 * n;
    const kinds = hashes + 4 * n;
    return new ScannedCells(
      new Uint8Array(buffer, inputAt, this.held),
      new Uint8Array(buffer, kinds, n),
      new Float64Array(buffer, out, n),
      new Int32Array(buffer, starts, n),
      new Int32Array(buffer, ends, n),
      new Int32Array(buffer, slots, n),
      new Int32Array(buffer, hashes, n),
      rows,
      this.maxRows
    );
  }

  private cellsStart(): number {
    return align8(this.inputStart + this.inputCapacity);
  }

  private inputView(): Uint8Array {
    return new Uint8Array(this.core.memory.buffer, this.inputStart, this.inputCapacity);
  }

  /** Makes the input area hold `bytes` (keeping what it holds) and the cell arrays fit after it. */
  private reserve(bytes: number): void {
    if (bytes <= this.inputCapacity && this.inputCapacity > 0) {
      return;
    }
    const old = this.inputView().slice(this.head, this.length);
    this.inputCapacity = Math.max(bytes, 2 * this.inputCapacity, PAGE_BYTES);
    const needed = this.cellsStart() + BYTES_PER_CELL * this.width * this.maxRows;
    const memory = this.core.memory;
    if (needed > memory.buffer.byteLength) {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
    }
    this.inputView().set(old);
    this.length = old.length;
    this.head = 0;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
