import { ColumnBatch } from './batch';

/**
 * Collects rows keyed by column name into batches whose columns are every name seen so far in
 * sorted order (Spark's JSON schema inference sorts fields by name); absent cells are null.
 */
export class KeyedBatcher {
  private readonly known = new Set<string>();
  private sortedNames: string[] = [];
  private rows: Map<string, string | null>[] = [];

  constructor(private readonly batchSize: number) {}

  add(row: Map<string, string | null>): ColumnBatch | null {
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
    return this.rows.length >= this.batchSize ? this.flush() : null;
  }

  flush(): ColumnBatch | null {
    if (this.rows.length === 0) {
      return null;
    }
    const rows = this.rows;
    this.rows = [];
    const names = this.sortedNames;
    return {
      names: [...names],
      columns: names.map(name => ({
        kind: 'text' as const,
        values: rows.map(row => row.get(name) ?? null)
      })),
      rowCount: rows.length
    };
  }
}

/** Code-unit order, as Spark (Scala string compare) sorts. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
