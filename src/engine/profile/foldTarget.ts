/**
 * The parts of a column profile that the byte-level core folds cells into, for a column that skips
 * the value counts (wasm/columnFolder.ts).
 */
import { HyperLogLog } from './hll';
import { KllSketch } from './kll';
import { Moments } from './moments';
import { TypeCounts } from './typeInference';

export interface FoldTarget {
  readonly moments: Moments;
  readonly kll: KllSketch;
  readonly hll: HyperLogLog;
  readonly types: TypeCounts;
}

/**
 * Folds cells [from, from + rows) of one column of a scanned batch into `target`, in row order, and
 * returns how many it took; the cells after those are left to JavaScript.
 */
export type ColumnFold = (from: number, rows: number, target: FoldTarget) => number;
