import { ColumnBatch } from './batch';
import { RowOrigin } from './rowOrigin';

/**
 * A row of cells by column name: `values[i]` is the cell of `keys[i]` (keys distinct). Rows of the
 * same shape share one `keys` array, so the batcher places their cells without a lookup per cell.
 */
export interface KeyedRow {
  keys: readonly string[];
  values: (string | null)[];
}

/**
 * Collects rows keyed by column name into batches whose columns are every name seen so far in
 * sorted order (Spark's JSON schema inference sorts fields by name); absent cells are null.
 */
export class KeyedBatcher {
  private readonly known = new Set<string>();
  private sortedNames: string[] = [];
  private rows: KeyedRow[] = [];
  private origins: RowOrigin[] | null;
  /** The keys array whose names are all known (the last shape added). */
  private lastKeys: readonly string[] | null = null;

  constructor(
    private readonly batchSize: number,
    keepOrigins = false
  ) {
    this.origins = keepOrigins ? [] : null;
  }

  add(row: KeyedRow, origin?: RowOrigin): ColumnBatch | null {
    if (row.keys !== this.lastKeys) {
      this.learnNames(row.keys);
    }
    this.rows.push(row);
    if (this.origins && origin) {
      this.origins.push(origin);
    }
    return this.rows.length >= this.batchSize ? this.flush() : null;
  }

  flush(): ColumnBatch | null {
    if (this.rows.length === 0) {
      return null;
    }
    const rows = this.rows;
    this.rows = [];
    const names = this.sortedNames;
    const columns = names.map(() => new Array<string | null>(rows.length).fill(null));
    const columnOf = new Map(names.map((name, i) => [name, i]));
    const placements = new Map<readonly string[], number[]>();
    for (let r = 0; r < rows.length; r++) {
      const { keys, values } = rows[r];
      let placement = placements.get(keys);
      if (!placement) {
        placement = keys.map(key => columnOf.get(key)!);
        placements.set(keys, placement);
      }
      for (let i = 0; i < placement.length; i++) {
        columns[placement[i]][r] = values[i];
      }
    }
    const batch: ColumnBatch = {
      names: [...names],
      columns: columns.map(values => ({ kind: 'text' as const, values })),
      rowCount: rows.length
    };
    if (this.origins) {
      batch.origins = this.origins;
      this.origins = [];
    }
    return batch;
  }

  private learnNames(keys: readonly string[]): void {
    let grew = false;
    for (const name of keys) {
      if (!this.known.has(name)) {
        this.known.add(name);
        grew = true;
      }
    }
    if (grew) {
      this.sortedNames = [...this.known].sort(compareNames);
    }
    this.lastKeys = keys;
  }
}

/** Code-unit order, as Spark (Scala string compare) sorts. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
