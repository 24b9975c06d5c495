/**
 * Column batches: what every reader yields and every profile consumes.
 *
 * Text columns carry the raw cell text (CSV fields, capture payload fields, JSON scalars as written),
 * because type inference and distinct-count hashing work on the text before any cast (FORMATS.md §7).
 * Typed columns come from typed sources (Arrow) and skip the text patterns.
 */
export type Column =
  | { kind: 'text'; values: (string | null)[] }
  | { kind: 'integral'; values: (number | bigint | null)[] }
  | { kind: 'fractional'; values: (number | null)[] }
  | { kind: 'boolean'; values: (boolean | null)[] };

export interface ColumnBatch {
  /** Column names, in data order; the same length as `columns`. */
  names: string[];
  columns: Column[];
  rowCount: number;
}
