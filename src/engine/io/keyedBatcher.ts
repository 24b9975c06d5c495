import { ColumnBatch } from './batch';
import { RowOrigin } from './rowOrigin';

/**
 * Collects rows keyed by column name into batches whose columns are every name seen so far in
 * sorted order (Spark's JSON schema inference sorts fields by name); absent cells are null.
 */
export class KeyedBatcher {
  private readonly known = new Set<string>();
  private sortedNames: string[] = [];
  private rows: Map<string, string | null>[] = [];
  private origins: RowOrigin[] | null;

  constructor(
    private readonly batchSize: number,
    keepOrigins = false
  ) {
    this.origins = keepOrigins ? [] : null;
  }

  add(row: Map<string, string | null>, origin?: RowOrigin): ColumnBatch | null {
    let grew = false;
    for (const name of row.keys()) {
      if (!this.known.has(name)) {
        this.known.add(name);
        grew = true;
      }
    }
    if (grew) {
      this.sortedNames = [...this.known].sort(compareNames);
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
    const batch: ColumnBatch = {
      names: [...names],
      columns: names.map(name => ({
        kind: 'text' as const,
        values: rows.map(row => row.get(name) ?? null)
      })),
      rowCount: rows.length
    };
    if (this.origins) {
      batch.origins = this.origins;
      this.origins = [];
    }
    return batch;
  }
}

/** Code-unit order, as Spark (Scala string compare) sorts. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
