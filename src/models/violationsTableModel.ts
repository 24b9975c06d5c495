import { ISignal, Signal } from '@lumino/signaling';

import { DriftTestResult, EXTENSION_KEY, ViolationsDocument } from '../engine/documents/violations';

export interface ViolationRow {
  /** `feature_name`, or `metric_name` in model-quality violations. */
  feature: string;
  checkType: string;
  description: string;
}

/** State of a violations view: the check-type filter ('' shows all) and the drift-only switch. */
export class ViolationsTableModel {
  constructor(readonly document: ViolationsDocument) {
    this._rows = document.violations.map(toRow);
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get violationCount(): number {
    return this._rows.length;
  }

  /** The distinct check types, in first-seen order. */
  get checkTypes(): string[] {
    return [...new Set(this._rows.map(row => row.checkType))];
  }

  get checkTypeFilter(): string {
    return this._checkType;
  }

  get visibleRows(): ViolationRow[] {
    return this._checkType ? this._rows.filter(r => r.checkType === this._checkType) : this._rows;
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
  private _checkType = '';
  private _driftOnly = false;
  private _changed = new Signal<this, void>(this);
}

function toRow(violation: ViolationsDocument['violations'][number]): ViolationRow {
  const { feature_name, constraint_check_type, description } = violation;
  const metricName = (violation as { metric_name?: unknown }).metric_name;
  return {
    feature: String(feature_name ?? metricName ?? ''),
    checkType: String(constraint_check_type ?? ''),
    description: String(description ?? '')
  };
}
