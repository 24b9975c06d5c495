import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { ComparisonLabels, cdfComparisonSpec } from '../charts/comparisonSpecs';
import { distributionSpec } from '../charts/distributionSpec';
import { cdfGap, cdfPoints, FeatureComparison } from '../models/comparison';
import { ComparisonModel } from '../models/ComparisonModel';
import { ChartView } from './ChartView';
import { element } from './dom';
import { formatNumber, formatPercent } from './format';

/**
 * The selected feature: for a numeric one, both histograms and both CDFs with the largest gap;
 * for a categorical one, the top values side by side.
 */
export class ComparisonDetail extends Panel {
  constructor(
    private readonly _model: ComparisonModel,
    private readonly _labels: ComparisonLabels,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-chartPane');
    this.addClass('jp-ModelMonitor-comparisonDetail');
    this._first = new ChartView(_trans);
    this._second = new ChartView(_trans);
    this._first.addClass('jp-ModelMonitor-distributionChart');
    this._second.addClass('jp-ModelMonitor-cdfChart');
    this.addWidget(new Widget({ node: element('div', {}, [this._title, this._caption]) }));
    this.addWidget(this._first);
    this.addWidget(this._second);
    _model.changed.connect(this._render, this);
    this._render();
  }

  private _render(): void {
    const feature = this._model.selected;
    if (feature?.name === this._shown) {
      return;
    }
    this._shown = feature?.name ?? null;
    this._title.textContent = feature?.name ?? '';
    this._caption.textContent = '';
    this._second.setHidden(true);
    if (!feature) {
      this._first.spec = null;
      return;
    }
    const labels = this._labels;
    const gap = cdfGap(feature.baseline, feature.current);
    this._first.spec = distributionSpec(feature, labels);
    if (gap) {
      this._second.setHidden(false);
      this._second.spec = cdfComparisonSpec(
        feature.name,
        cdfPoints(feature.baseline),
        cdfPoints(feature.current),
        gap,
        labels
      );
      this._caption.textContent = `${this._trans.__(
        'Largest CDF gap (raw L∞) %1 at %2: %3 of the baseline and %4 of the current rows are at or below it.',
        formatNumber(gap.distance),
        formatNumber(gap.x),
        // Shares of rows, as shares (not "0.7267" beside "0.347917": #18 item 13).
        formatPercent(gap.baseline),
        formatPercent(gap.current)
      )} ${this._checkedDistance(feature)}`;
    }
  }

  /** What the drift check does with the gap: the number it compares is the table's. */
  private _checkedDistance(feature: FeatureComparison): string {
    const trans = this._trans;
    if (feature.drift === undefined) {
      return '';
    }
    return feature.rawDrift !== undefined
      ? trans.__(
          'The drift check compares %1, the gap less an allowance for the sample sizes (Robust), with its threshold %2.',
          formatNumber(feature.drift),
          formatNumber(feature.driftThreshold)
        )
      : trans.__(
          'The drift check compares %1 with its threshold %2.',
          formatNumber(feature.drift),
          formatNumber(feature.driftThreshold)
        );
  }

  private _title = element('h3', { className: 'jp-ModelMonitor-chartTitle' });
  private _caption = element('p', { className: 'jp-ModelMonitor-lead jp-ModelMonitor-gapCaption' });
  private _first: ChartView;
  private _second: ChartView;
  private _shown: string | null | undefined = undefined;
}
