import { ISignal, Signal } from '@lumino/signaling';

import { StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import {
  DEFAULT_MONITORING_SETTINGS,
  MonitoringSettings
} from '../engine/monitor/monitoringSettings';
import { FeatureComparison, compareStatistics } from './comparison';

export type ComparisonSort = 'drift' | 'name';

/** The overview table's state: rows, search, sort and the selected feature. */
export class ComparisonModel {
  constructor(
    readonly baseline: StatisticsDocument,
    readonly current: StatisticsDocument,
    readonly violations?: ViolationsDocument,
    /** The baseline's monitoring_config, as the run's drift check read it; else the defaults. */
    readonly settings: MonitoringSettings = DEFAULT_MONITORING_SETTINGS
  ) {
    this.features = compareStatistics(baseline, current, violations, settings);
    this.threshold = settings.comparisonThreshold;
    this._selected = this.visibleRows[0]?.name ?? null;
  }

  readonly features: readonly FeatureComparison[];
  /** The numeric features' drift threshold (String features have theirs in each row). */
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

  /** Features shown as drifted (see FeatureComparison.drifted). */
  get driftedCount(): number {
    return this.features.filter(f => f.drifted).length;
  }

  private _search = '';
  private _sort: ComparisonSort = 'drift';
  private _selected: string | null;
  private _changed = new Signal<this, void>(this);
}
