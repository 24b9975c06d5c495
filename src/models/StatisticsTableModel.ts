import { ISignal, Signal } from '@lumino/signaling';

import { FeatureStatistics, StatisticsDocument } from '../engine/documents/statistics';
import { FeatureColumn, FeatureRow, featureRows } from './featureRows';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: FeatureColumn;
  direction: SortDirection;
}

/**
 * State of a statistics view: the filter text, the sort order and the selected feature.
 * The default order is the document's (column order of the data); `sortBy` switches to a column.
 */
export class StatisticsTableModel {
  constructor(readonly document: StatisticsDocument) {
    this._rows = featureRows(document);
    this._selected = this._rows.length > 0 ? 0 : null;
  }

  /** Emitted when the visible rows or their order change. */
  get rowsChanged(): ISignal<this, void> {
    return this._rowsChanged;
  }

  /** Emitted when another feature is selected. */
  get selectionChanged(): ISignal<this, number | null> {
    return this._selectionChanged;
  }

  get itemCount(): number | undefined {
    return this.document.dataset?.item_count;
  }

  get featureCount(): number {
    return this._rows.length;
  }

  get filter(): string {
    return this._filter;
  }

  get sort(): SortState | null {
    return this._sort;
  }

  /** Index (in the document) of the selected feature, or null. */
  get selected(): number | null {
    return this._selected;
  }

  get selectedFeature(): FeatureStatistics | null {
    return this._selected === null ? null : this.document.features[this._selected];
  }

  /** Rows matching the filter, in the current sort order. */
  get visibleRows(): FeatureRow[] {
    const needle = this._filter.trim().toLowerCase();
    const rows = needle
      ? this._rows.filter(
          row => row.name.toLowerCase().includes(needle) || row.type.toLowerCase().includes(needle)
        )
      : [...this._rows];
    return this._sort ? rows.sort(compareBy(this._sort)) : rows;
  }

  setFilter(text: string): void {
    if (text !== this._filter) {
      this._filter = text;
      this._rowsChanged.emit();
    }
  }

  /** Sorts by `column`: ascending first, descending on the next call for the same column. */
  sortBy(column: FeatureColumn): void {
    const direction: SortDirection =
      this._sort?.column === column && this._sort.direction === 'ascending'
        ? 'descending'
        : 'ascending';
    this._sort = { column, direction };
    this._rowsChanged.emit();
  }

  select(index: number): void {
    if (index !== this._selected && index >= 0 && index < this._rows.length) {
      this._selected = index;
      this._selectionChanged.emit(index);
    }
  }

  private _rows: FeatureRow[];
  private _filter = '';
  private _sort: SortState | null = null;
  private _selected: number | null;
  private _rowsChanged = new Signal<this, void>(this);
  private _selectionChanged = new Signal<this, number | null>(this);
}

/** Missing values (undefined, NaN) always sort last, whatever the direction. */
function compareBy({ column, direction }: SortState): (a: FeatureRow, b: FeatureRow) => number {
  const sign = direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = a[column];
    const y = b[column];
    const xMissing = x === undefined || (typeof x === 'number' && isNaN(x));
    const yMissing = y === undefined || (typeof y === 'number' && isNaN(y));
    if (xMissing || yMissing) {
      return xMissing === yMissing ? a.index - b.index : xMissing ? 1 : -1;
    }
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order !== 0 ? sign * order : a.index - b.index;
  };
}
