/**
 * Column batches: what every reader yields and every profile consumes.
 *
 * Text columns carry the raw cell text (CSV fields, capture payload fields, JSON scalars as written),
 * because type inference and distinct-count hashing work on the text before any cast (FORMATS.md §7).
 * Typed columns come from typed sources (Arrow) and skip the text patterns: their numbers sit in a
 * Float64Array, with a flag per row saying which rows hold a value. Scanned columns are text
 * columns the byte-level CSV core read without making a string per cell (io/scannedCells.ts).
 */
import { RowOrigin } from './rowOrigin';
import { CELL_MISSING, ScannedCells } from './scannedCells';

export type Column =
  | { kind: 'text'; values: (string | null)[] }
  | ScannedColumn
  | IntegralColumn
  | FractionalColumn
  | { kind: 'boolean'; values: (boolean | null)[] };

/** Rows flagged 1 hold a value, rows flagged 0 are missing; null when every row holds one. */
export type Presence = Uint8Array | null;

export interface FractionalColumn {
  kind: 'fractional';
  /** One double a row (0 where missing). */
  values: Float64Array;
  present: Presence;
}

export interface IntegralColumn {
  kind: 'integral';
  /** One integer a row as a double (0 where missing); exact unless the row is in `wide`. */
  values: Float64Array;
  present: Presence;
  /** Rows whose integer is not a safe integer (64-bit values past 2^53), by row. */
  wide: Map<number, bigint> | null;
}

/** Text cells as the byte-level CSV core scanned them: column i of a batch is cells[offset + row]. */
export interface ScannedColumn {
  kind: 'scanned';
  cells: ScannedCells;
  offset: number;
}

export interface ColumnBatch {
  /** Column names, in data order; the same length as `columns`. */
  names: string[];
  columns: Column[];
  rowCount: number;
  /** Each row's origin, when the reader keeps them (ReadContext.keepOrigins; text readers). */
  origins?: RowOrigin[];
}

/** The value of one cell: text, number (a BigInt for a wide integer), boolean, or null if missing. */
export function cellAt(column: Column, row: number): string | number | bigint | boolean | null {
  switch (column.kind) {
    case 'integral':
      return isPresent(column.present, row) ? (column.wide?.get(row) ?? column.values[row]) : null;
    case 'fractional':
      return isPresent(column.present, row) ? column.values[row] : null;
    case 'scanned': {
      const cell = column.offset + row;
      return column.cells.kinds[cell] === CELL_MISSING ? null : column.cells.text(cell);
    }
    default:
      return column.values[row];
  }
}

export function isPresent(present: Presence, row: number): boolean {
  return present === null || present[row] === 1;
}
