import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Panel, Widget } from '@lumino/widgets';

import { RecordQuery } from '../api/records';
import { ComparisonLabels, cdfComparisonSpec } from '../charts/comparisonSpecs';
import { distributionSpec } from '../charts/distributionSpec';
import { cdfGap, cdfPoints, FeatureComparison } from '../models/comparison';
import { ComparisonModel } from '../models/ComparisonModel';
import { ChartView } from './ChartView';
import { element } from './dom';
import { formatNumber, formatPercent } from './format';

/** A record query of the selected feature; the view adds the run. */
export type FeatureRecordQuery = Omit<RecordQuery, 'run'>;

/**
 * The selected feature: for a numeric one, both histograms and both CDFs with the largest gap;
 * for a categorical one, the top values side by side. Buttons (and a histogram bar's click) ask
 * for the run's records behind them.
 */
export class ComparisonDetail extends Panel {
  constructor(
    private readonly _model: ComparisonModel,
    private readonly _labels: ComparisonLabels,
    private readonly _trans: TranslationBundle,
    private readonly _showsRecords = true
  ) {
    super();
    this.addClass('jp-ModelMonitor-chartPane');
    this.addClass('jp-ModelMonitor-comparisonDetail');
    this._first = new ChartView(_trans);
    this._second = new ChartView(_trans);
    this._first.addClass('jp-ModelMonitor-distributionChart');
    this._second.addClass('jp-ModelMonitor-cdfChart');
    this.addWidget(
      new Widget({ node: element('div', {}, [this._title, this._caption, this._records]) })
    );
    this.addWidget(this._first);
    this._first.clicked.connect((_, datum) => this._binClicked(datum));
    this.addWidget(this._second);
    _model.changed.connect(this._render, this);
    this._render();
  }

  /** Emitted when the records behind a bar, a range or a check are asked for. */
  get recordsRequested(): ISignal<this, FeatureRecordQuery> {
    return this._recordsRequested;
  }

  private _render(): void {
    const feature = this._model.selected;
    if (feature?.name === this._shown) {
      return;
    }
    this._shown = feature?.name ?? null;
    this._title.textContent = feature?.name ?? '';
    this._caption.textContent = '';
    this._renderRecordButtons(feature);
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

  /** "Show records" buttons for what can be asked of this feature's kind. */
  private _renderRecordButtons(feature: FeatureComparison | null): void {
    const trans = this._trans;
    const kinds: [RecordQuery['match'], string][] = !this._showsRecords
      ? []
      : feature?.kind === 'numeric'
        ? [
            ['outside_range', trans.__('Outside the baseline’s range')],
            ['missing', trans.__('Missing')],
            // As data_type_check counts: "Not Integral" includes 1.5.
            ['wrong_type', trans.__('Not %1', feature.baseline?.inferred_type ?? 'numeric')]
          ]
        : feature?.kind === 'categorical'
          ? [
              ['unseen_category', trans.__('Categories the baseline never saw')],
              ['missing', trans.__('Missing')]
            ]
          : [];
    const buttons = kinds.map(([match, label]) => {
      const button = element('button', {
        className: 'jp-Button jp-mod-styled jp-ModelMonitor-recordsButton',
        text: label,
        attributes: { type: 'button', 'data-match': match }
      });
      button.addEventListener('click', () =>
        this._recordsRequested.emit({ feature: feature!.name, match })
      );
      return button;
    });
    const hint =
      this._showsRecords && feature?.kind === 'numeric'
        ? [
            element('span', {
              className: 'jp-ModelMonitor-help',
              text: trans.__('or click a histogram bar')
            })
          ]
        : [];
    this._records.replaceChildren(
      ...(buttons.length
        ? [element('span', { className: 'jp-ModelMonitor-label', text: trans.__('Show records:') })]
        : []),
      ...buttons,
      ...hint
    );
  }

  /** A histogram bar's rows: [lower, upper), the last bar [lower, upper]. */
  private _binClicked(datum: Record<string, unknown>): void {
    const feature = this._model.selected;
    const { lower, upper } = datum;
    if (!this._showsRecords || !feature || typeof lower !== 'number' || typeof upper !== 'number') {
      return;
    }
    const max = feature.current?.numerical_statistics?.max;
    const includeUpper = max !== undefined && upper >= max;
    this._recordsRequested.emit({
      feature: feature.name,
      match: 'bin',
      lower,
      upper,
      includeUpper
    });
  }

  private _title = element('h3', { className: 'jp-ModelMonitor-chartTitle' });
  private _records = element('div', { className: 'jp-ModelMonitor-recordsBar' });
  private _recordsRequested = new Signal<this, FeatureRecordQuery>(this);
  private _caption = element('p', { className: 'jp-ModelMonitor-lead jp-ModelMonitor-gapCaption' });
  private _first: ChartView;
  private _second: ChartView;
  private _shown: string | null | undefined = undefined;
}
