import { ISignal, Signal } from '@lumino/signaling';

import { StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import { FeatureComparison, compareStatistics, driftThreshold } from './comparison';

export type ComparisonSort = 'drift' | 'name';

/** The overview table's state: rows, search, sort and the selected feature. */
export class ComparisonModel {
  constructor(
    readonly baseline: StatisticsDocument,
    readonly current: StatisticsDocument,
    readonly violations?: ViolationsDocument
  ) {
    this.features = compareStatistics(baseline, current, violations);
    this.threshold = driftThreshold(violations);
    this._selected = this.visibleRows[0]?.name ?? null;
  }

  readonly features: readonly FeatureComparison[];
  readonly threshold: number;

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get search(): string {
    return this._search;
  }

  set search(text: string) {
    this._search = text;
    this._changed.emit();
  }

  get sort(): ComparisonSort {
    return this._sort;
  }

  set sort(sort: ComparisonSort) {
    this._sort = sort;
    this._changed.emit();
  }

  get selected(): FeatureComparison | null {
    return this.features.find(f => f.name === this._selected) ?? null;
  }

  select(name: string): void {
    this._selected = name;
    this._changed.emit();
  }

  /** Features matching the search, most drifted first (unknown drift last) or by name. */
  get visibleRows(): FeatureComparison[] {
    const needle = this._search.trim().toLowerCase();
    const rows = this.features.filter(f => f.name.toLowerCase().includes(needle));
    if (this._sort === 'name') {
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    }
    return rows.sort((a, b) => (b.drift ?? -1) - (a.drift ?? -1));
  }

  /** Features whose drift is above the threshold. */
  get driftedCount(): number {
    return this.features.filter(f => (f.drift ?? 0) > this.threshold).length;
  }

  private _search = '';
  private _sort: ComparisonSort = 'drift';
  private _selected: string | null;
  private _changed = new Signal<this, void>(this);
}
