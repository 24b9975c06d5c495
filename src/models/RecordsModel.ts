import { ISignal, Signal } from '@lumino/signaling';

import { RecordQuery, RecordRow, RecordsPage } from '../api/records';

export type FetchRecords = (
  query: RecordQuery,
  offset: number,
  limit: number
) => Promise<RecordsPage>;

export const RECORDS_PAGE_SIZE = 100;

/**
 * The pages of a record query: one page is held at a time, so a run with many matching rows is
 * paged through without loading them whole. The first load runs the query on the server.
 */
export class RecordsModel {
  constructor(
    readonly query: RecordQuery,
    private readonly _fetch: FetchRecords,
    readonly pageSize = RECORDS_PAGE_SIZE
  ) {}

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get page(): RecordsPage | null {
    return this._page;
  }

  get rows(): RecordRow[] {
    return this._page?.rows ?? [];
  }

  get loading(): boolean {
    return this._loading;
  }

  get error(): string | null {
    return this._error;
  }

  /** The row count the pages can reach (the listed rows; `matched` may be larger). */
  get listed(): number {
    return this._page?.written ?? 0;
  }

  get offset(): number {
    return this._page?.offset ?? 0;
  }

  get hasPrevious(): boolean {
    return this.offset > 0;
  }

  get hasNext(): boolean {
    return this.offset + this.pageSize < this.listed;
  }

  /** The cells shown after the row's place: the queried feature first, then the others. */
  get columns(): string[] {
    const names = new Set<string>([this.query.feature]);
    for (const row of this.rows) {
      Object.keys(row).forEach(name => names.add(name));
    }
    return [...names].filter(name => !PLACE_COLUMNS.has(name));
  }

  async load(offset = 0): Promise<void> {
    this._loading = true;
    this._error = null;
    this._changed.emit();
    try {
      this._page = await this._fetch(this.query, Math.max(0, offset), this.pageSize);
    } catch (error) {
      this._error = error instanceof Error ? error.message : String(error);
    } finally {
      this._loading = false;
      this._changed.emit();
    }
  }

  next(): Promise<void> {
    return this.load(this.offset + this.pageSize);
  }

  previous(): Promise<void> {
    return this.load(this.offset - this.pageSize);
  }

  private _page: RecordsPage | null = null;
  private _loading = false;
  private _error: string | null = null;
  private _changed = new Signal<this, void>(this);
}

/** The columns that say where a row is, shown first and not as cells. */
const PLACE_COLUMNS = new Set(['_file', '_line', '_event_id']);
