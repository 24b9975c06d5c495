import { ISignal, Signal } from '@lumino/signaling';

/** What a histogram's bars measure. */
export type HistogramMeasure = 'count' | 'share';

export interface IViewerSettingsValues {
  /** Height of a feature chart, in pixels. */
  chartHeight: number;
  /** What histograms show when a view opens. */
  histogramMeasure: HistogramMeasure;
}

export const DEFAULT_VIEWER_SETTINGS: IViewerSettingsValues = {
  chartHeight: 220,
  histogramMeasure: 'count'
};

/** The user's chart settings (schema/charts.json); views re-render when they change. */
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
  return clean;
}
