import { ColumnBatch } from './batch';
import { RowOrigin } from './rowOrigin';

/**
 * Collects positional rows of text cells into column batches. Rows may be wider than the ones
 * before (capture payloads vary): new columns are named by `nameFor` and back-filled with nulls;
 * narrower rows are padded with nulls.
 */
export class RowBatcher {
  private readonly names: string[];
  private columns: (string | null)[][] = [];
  private rowCount = 0;
  private origins: RowOrigin[] | null;

  constructor(
    names: string[],
    private readonly batchSize: number,
    private readonly nameFor: (index: number) => string = index => `_c${index}`,
    keepOrigins = false
  ) {
    this.names = [...names];
    this.columns = this.names.map(() => []);
    this.origins = keepOrigins ? [] : null;
  }

  get width(): number {
    return this.names.length;
  }

  /** Adds a row (its origin is kept when the batcher keeps origins); returns a full batch when one is ready. */
  add(values: (string | null)[], origin?: RowOrigin): ColumnBatch | null {
    this.widenTo(values.length);
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) {
      columns[c].push(c < values.length ? values[c] : null);
    }
    if (this.origins && origin) {
      this.origins.push(origin);
    }
    this.rowCount++;
    return this.rowCount >= this.batchSize ? this.flush() : null;
  }

  /** Returns the rows collected so far as a batch (null when there are none). */
  flush(): ColumnBatch | null {
    if (this.rowCount === 0) {
      return null;
    }
    const batch: ColumnBatch = {
      names: [...this.names],
      columns: this.columns.map(values => ({ kind: 'text' as const, values })),
      rowCount: this.rowCount
    };
    if (this.origins) {
      batch.origins = this.origins;
      this.origins = [];
    }
    this.columns = this.names.map(() => []);
    this.rowCount = 0;
    return batch;
  }

  private widenTo(width: number): void {
    while (this.names.length < width) {
      this.names.push(this.nameFor(this.names.length));
      this.columns.push(new Array<string | null>(this.rowCount).fill(null));
    }
  }
}
