import { ISignal, Signal } from '@lumino/signaling';

import { DriftTestResult, EXTENSION_KEY, ViolationsDocument } from '../engine/documents/violations';

export type ViolationColumn = 'feature' | 'checkType';

export interface ViolationSort {
  column: ViolationColumn;
  direction: 'ascending' | 'descending';
}

export interface ViolationRow {
  /** Position in the file's `violations`. */
  index: number;
  /** `feature_name`, or `metric_name` in model-quality violations. */
  feature: string;
  checkType: string;
  description: string;
}

/** State of a violations view: the check-type filter ('' shows all) and the drift-only switch. */
const QUALITY_CHECKS = new Set([
  'GreaterThanThreshold',
  'LessThanThreshold',
  'GreaterThanOrEqualToThreshold',
  'LessThanOrEqualToThreshold'
]);

export class ViolationsTableModel {
  constructor(readonly document: ViolationsDocument) {
    this._rows = document.violations.map((violation, index) => toRow(violation, index));
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get violationCount(): number {
    return this._rows.length;
  }

  /**
   * A model-quality run's violations: their "feature" is a metric and their "check" the
   * comparison with its threshold (FORMATS §5.4), and the table says so.
   */
  get isModelQuality(): boolean {
    return this._rows.length > 0 && this._rows.every(row => QUALITY_CHECKS.has(row.checkType));
  }

  /** The distinct check types, in first-seen order. */
  get checkTypes(): string[] {
    return [...new Set(this._rows.map(row => row.checkType))];
  }

  get checkTypeFilter(): string {
    return this._checkType;
  }

  /** Filtered rows, in file order until the user sorts by a column. */
  get visibleRows(): ViolationRow[] {
    const rows = this._checkType
      ? this._rows.filter(r => r.checkType === this._checkType)
      : [...this._rows];
    const sort = this._sort;
    if (sort) {
      const sign = sort.direction === 'ascending' ? 1 : -1;
      rows.sort((a, b) => sign * a[sort.column].localeCompare(b[sort.column]) || a.index - b.index);
    }
    return rows;
  }

  get sort(): ViolationSort | null {
    return this._sort;
  }

  /** Sorts by `column`, ascending first; the same column again reverses the order. */
  sortBy(column: ViolationColumn): void {
    const ascending = this._sort?.column !== column || this._sort.direction === 'descending';
    this._sort = { column, direction: ascending ? 'ascending' : 'descending' };
    this._changed.emit();
  }

  /** The selected row's index in the file, or null. */
  get selected(): number | null {
    return this._selected;
  }

  select(index: number | null): void {
    if (index !== this._selected) {
      this._selected = index;
      this._changed.emit();
    }
  }

  /** Our namespaced drift tests, or null when the file has none (e.g. written by SageMaker). */
  get driftTests(): DriftTestResult[] | null {
    const tests = this.document[EXTENSION_KEY]?.drift_tests;
    return Array.isArray(tests) ? tests : null;
  }

  get driftOnly(): boolean {
    return this._driftOnly;
  }

  /** The drift tests to show: all, or only those that found drift. */
  get visibleDriftTests(): DriftTestResult[] {
    const tests = this.driftTests ?? [];
    return this._driftOnly ? tests.filter(test => test.drift === true) : tests;
  }

  setDriftOnly(driftOnly: boolean): void {
    if (driftOnly !== this._driftOnly) {
      this._driftOnly = driftOnly;
      this._changed.emit();
    }
  }

  setCheckTypeFilter(checkType: string): void {
    if (checkType !== this._checkType) {
      this._checkType = checkType;
      this._changed.emit();
    }
  }

  private _rows: ViolationRow[];
  private _sort: ViolationSort | null = null;
  private _selected: number | null = null;
  private _checkType = '';
  private _driftOnly = false;
  private _changed = new Signal<this, void>(this);
}

function toRow(violation: ViolationsDocument['violations'][number], index: number): ViolationRow {
  const { feature_name, constraint_check_type, description } = violation;
  const metricName = (violation as { metric_name?: unknown }).metric_name;
  return {
    index,
    feature: String(feature_name ?? metricName ?? ''),
    checkType: String(constraint_check_type ?? ''),
    description: String(description ?? '')
  };
}
