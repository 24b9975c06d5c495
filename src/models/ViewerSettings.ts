import { ISignal, Signal } from '@lumino/signaling';

import type { SchedulePreset } from './scheduleForm';

/** What a histogram's bars measure. */
export type HistogramMeasure = 'count' | 'share';

export interface IViewerSettingsValues {
  /** Height of a feature chart, in pixels. */
  chartHeight: number;
  /** What histograms show when a view opens. */
  histogramMeasure: HistogramMeasure;
  /** The backend the create-schedule form starts with, when the server offers it. */
  defaultBackend: string;
  /** The schedule the create-schedule form starts with. */
  defaultSchedulePreset: Exclude<SchedulePreset, 'custom'>;
  /** What the constraints editor's "Apply drift defaults" writes. */
  driftThreshold: number;
  comparisonMethod: 'Robust' | 'Simple';
}

export const DEFAULT_VIEWER_SETTINGS: IViewerSettingsValues = {
  chartHeight: 220,
  histogramMeasure: 'count',
  defaultBackend: 'local',
  defaultSchedulePreset: 'hourly',
  driftThreshold: 0.1,
  comparisonMethod: 'Robust'
};

/**
 * The user's settings of schema/charts.json: chart options, and the defaults of the forms; views
 * re-render when they change.
 */
export class ViewerSettings {
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get values(): IViewerSettingsValues {
    return this._values;
  }

  update(values: Partial<IViewerSettingsValues>): void {
    this._values = { ...this._values, ...sanitize(values) };
    this._changed.emit();
  }

  private _values = { ...DEFAULT_VIEWER_SETTINGS };
  private _changed = new Signal<this, void>(this);
}

function sanitize(values: Partial<IViewerSettingsValues>): Partial<IViewerSettingsValues> {
  const clean: Partial<IViewerSettingsValues> = {};
  const { chartHeight, histogramMeasure } = values;
  if (typeof chartHeight === 'number' && chartHeight >= 80 && chartHeight <= 1000) {
    clean.chartHeight = chartHeight;
  }
  if (histogramMeasure === 'count' || histogramMeasure === 'share') {
    clean.histogramMeasure = histogramMeasure;
  }
  Object.assign(clean, sanitizeFormDefaults(values));
  return clean;
}

const PRESETS = ['hourly', 'daily', 'weekly', 'manual'];

function sanitizeFormDefaults(
  values: Partial<IViewerSettingsValues>
): Partial<IViewerSettingsValues> {
  const clean: Partial<IViewerSettingsValues> = {};
  const { defaultBackend, defaultSchedulePreset, driftThreshold, comparisonMethod } = values;
  if (typeof defaultBackend === 'string' && defaultBackend.trim()) {
    clean.defaultBackend = defaultBackend.trim();
  }
  if (typeof defaultSchedulePreset === 'string' && PRESETS.includes(defaultSchedulePreset)) {
    clean.defaultSchedulePreset = defaultSchedulePreset;
  }
  if (typeof driftThreshold === 'number' && driftThreshold >= 0 && driftThreshold <= 1) {
    clean.driftThreshold = driftThreshold;
  }
  if (comparisonMethod === 'Robust' || comparisonMethod === 'Simple') {
    clean.comparisonMethod = comparisonMethod;
  }
  return clean;
}
