/**
 * A batch of CSV cells as the byte-level core (wasm/assembly/csvScan.ts) leaves them: views over
 * its memory, column-major (cell = column · maxRows + row). Valid until the reader scans again, so
 * a consumer reads a batch before asking for the next one (the profile does).
 */

import type { ColumnFold } from '../profile/foldTarget';
import type { ColumnBatch } from './batch';

/** Cell kinds; 1–4 are the votes, numbered as the column profile's notes. */
export const CELL_MISSING = 0;
export const CELL_TEXT = 5;

const SHORT_CELL = 64;
/** Made on first use (some hosts, jsdom, have none). Keeps a U+FEFF that starts a cell. */
let utf8: TextDecoder | undefined;

export class ScannedCells {
  constructor(
    /** The input the cells index (UTF-8). */
    readonly bytes: Uint8Array,
    readonly kinds: Uint8Array,
    /** Each numeric cell's number; NaN for the others. */
    readonly values: Float64Array,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** HLL slot of each present cell (profile/hllSlots.ts). */
    readonly slots: Int32Array,
    /**
     * stringHash of each present cell's text (profile/stringTable.ts), once `hash` has been called
     * for it: only columns that still count values need them.
     */
    readonly hashes: Int32Array,
    readonly rowCount: number,
    readonly maxRows: number,
    /** Fills `hashes` for `count` cells from `from` (kinds MISSING and TEXT excepted). */
    readonly hash: (from: number, count: number) => void,
    /** Folds a column's cells into its profile in the core (cells are numbered as here). */
    readonly fold: ColumnFold | null = null
  ) {}

  /** The text of a present cell (UTF-8, already checked by the core; ASCII unless kind TEXT). */
  text(cell: number): string {
    const start = this.starts[cell];
    const end = this.ends[cell];
    if (end - start > SHORT_CELL || this.kinds[cell] === CELL_TEXT) {
      utf8 ??= new TextDecoder('utf-8', { ignoreBOM: true });
      return utf8.decode(this.bytes.subarray(start, end));
    }
    return String.fromCharCode.apply(null, this.bytes.subarray(start, end) as unknown as number[]);
  }
}

/** A batch of the scanned cells: column i is cells[i · maxRows + row]. */
export function scannedBatch(names: string[], cells: ScannedCells): ColumnBatch {
  return {
    names,
    columns: names.map((_, i) => ({ kind: 'scanned', cells, offset: i * cells.maxRows })),
    rowCount: cells.rowCount
  };
}
