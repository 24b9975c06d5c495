import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Panel, Widget } from '@lumino/widgets';

import { MetricHistory, MetricSegment, MetricSeries } from '../api/types';
import { driftHeatmapSpec, metricHistorySpec, multiMetricSpec } from '../charts/metricSpecs';
import { metricThresholdSpec } from '../charts/qualitySpecs';
import {
  constraintOf,
  metricPoints,
  orderedSeries,
  qualityMetricPoints,
  violatedRuns
} from '../models/metricHistory';
import { QualityConstraint } from '../models/qualityDocument';
import { driftMatrix } from '../models/driftMatrix';
import { historySegments, segmentHistory } from '../models/metricSegments';
import { runLabels } from '../models/runLabels';
import { ChartView } from './ChartView';
import { element } from './dom';
import { formatNumber } from './format';
import { segmentLabel } from './segmentLabel';

/** A run and feature whose comparison the user asked for (a heatmap cell), in a segment. */
export interface RunFeature {
  executionId: string;
  feature: string;
  /** The segment shown; absent for all data. */
  segment?: MetricSegment;
}

/** Metrics drawn beside the chosen one, at most. */
const MAX_COMPARED = 3;

/** The metric last chosen per monitor, for this session: reopening shows it again. */
const CHOSEN = new Map<string, string>();

/**
 * A monitor's metrics across its runs: a feature × run heatmap of drift distances (a cell opens
 * that run's comparison at that feature), then one series over time with violations marked.
 * A model-quality monitor passes its baseline constraints: its metrics show their threshold.
 * When runs were segmented, a selector on top shows all data or one segment.
 */
export class MetricHistoryView extends Panel {
  constructor(
    private readonly _history: MetricHistory,
    private readonly _trans: TranslationBundle,
    private readonly _constraints: Record<string, QualityConstraint> = {},
    /** A data-quality monitor's drift threshold per feature (its baseline constraints). */
    private readonly _driftThresholds: Record<string, number> = {}
  ) {
    super();
    this.addClass('jp-ModelMonitor-metricHistory');
    this._runs = runLabels(_history, runTime);
    const segments = historySegments(_history);
    if (segments.length > 0) {
      this._segmentBar = this._segmentSelector(segments);
      this.addWidget(this._segmentBar);
    }
    this._build();
  }

  /** The segment shown, or null for all data. */
  get segment(): MetricSegment | null {
    return this._segment;
  }

  /** Shows the heatmap and the charts of a segment (null: all data). */
  showSegment(segment: MetricSegment | null): void {
    this._segment = segment;
    this._build();
  }

  /** Everything under the segment selector, for the segment shown. */
  private _build(): void {
    for (const widget of [...this.widgets]) {
      if (widget !== this._segmentBar) {
        widget.dispose();
      }
    }
    this._heatmap = null;
    this._compared = [];
    const trans = this._trans;
    const ordered = orderedSeries(segmentHistory(this._history, this._segment));
    // Constrained quality metrics first: they are what a model-quality monitor watches.
    this._series = [
      ...ordered.filter(s => constraintOf(s, this._constraints)),
      ...ordered.filter(s => !constraintOf(s, this._constraints))
    ];
    this._chart = new ChartView(trans);
    this._chart.addClass('jp-ModelMonitor-metricChart');
    if (this._series.length === 0) {
      this.addWidget(
        new Widget({
          node: element('p', {
            className: 'jp-ModelMonitor-message',
            text: trans.__('No metrics yet: they are recorded when a run completes.')
          })
        })
      );
      return;
    }
    const chosen = CHOSEN.get(this._history.monitor_id);
    const first = Math.max(
      0,
      this._series.findIndex(s => s.name === chosen)
    );
    this._addHeatmap();
    this.addWidget(this._toolbar(first));
    this.addWidget(this._chart);
    this._main = this._series[first];
    this._render();
  }

  /** "All data", then each segment of the runs, grouped by the column they were segmented by. */
  private _segmentSelector(segments: MetricSegment[]): Widget {
    const trans = this._trans;
    const select = element('select', {
      className: 'jp-ModelMonitor-segmentSelect jp-mod-styled',
      attributes: { 'aria-label': trans.__('Segment') }
    });
    select.append(element('option', { text: trans.__('All data'), attributes: { value: '' } }));
    const groups = new Map<string, HTMLOptGroupElement>();
    segments.forEach((segment, i) => {
      let group = groups.get(segment.by);
      if (!group) {
        group = element('optgroup', { attributes: { label: trans.__('By %1', segment.by) } });
        groups.set(segment.by, group);
        select.append(group);
      }
      // Which segments to look at first: those whose runs had violations.
      const violated = violatedRuns(this._history, null, segment).size;
      const name = segmentLabel(segment, trans);
      const text = violated
        ? trans._n('%2 · ⚠ violations in %1 run', '%2 · ⚠ violations in %1 runs', violated, name)
        : name;
      const attributes = { value: String(i), 'data-violations': String(violated) };
      group.append(element('option', { text, attributes }));
    });
    select.addEventListener('change', () => {
      const violated = select.selectedOptions[0]?.dataset.violations;
      select.classList.toggle('jp-mod-violations', !!violated && violated !== '0');
      this.showSegment(select.value === '' ? null : segments[Number(select.value)]);
    });
    const label = element('label', {
      className: 'jp-ModelMonitor-segmentLabel',
      text: trans.__('Segment')
    });
    label.append(select);
    const bar = new Widget({ node: element('div', { className: 'jp-ModelMonitor-toolbar' }) });
    bar.addClass('jp-ModelMonitor-segmentBar');
    bar.node.append(label);
    return bar;
  }

  /** Emitted when the user asks for a run's comparison at a feature. */
  get comparisonRequested(): ISignal<this, RunFeature> {
    return this._comparisonRequested;
  }

  /** The drift heatmap, when some run's drift check reported a distance. */
  get heatmap(): ChartView | null {
    return this._heatmap;
  }

  private _addHeatmap(): void {
    const trans = this._trans;
    const matrix = driftMatrix(this._history, this._runs, this._segment);
    if (matrix.cells.length === 0) {
      if (this._segment) {
        const text = trans.__("No drift reported in this segment's runs.");
        this.addWidget(new Widget({ node: heatmapHeader(trans, text) }));
      }
      return;
    }
    const heatmap = new ChartView(trans);
    heatmap.addClass('jp-ModelMonitor-driftHeatmap');
    heatmap.spec = driftHeatmapSpec(matrix, {
      run: trans.__('Run (window start)'),
      feature: trans.__('Feature'),
      drift: trans.__('Drift (L∞)'),
      violated: trans.__('Violation reported')
    });
    heatmap.clicked.connect((_, datum) => {
      if (typeof datum.executionId === 'string' && typeof datum.feature === 'string') {
        const { executionId, feature } = datum;
        this._comparisonRequested.emit({
          executionId,
          feature,
          segment: this._segment ?? undefined
        });
      }
    });
    this._heatmap = heatmap;
    const caption = trans.__(
      'Drift by feature and run. A blank cell: no drift reported (drift checks give a distance only above their threshold). Click a cell to compare that run with the baseline at that feature.'
    );
    this.addWidget(new Widget({ node: heatmapHeader(trans, caption) }));
    this.addWidget(heatmap);
  }

  get chart(): ChartView {
    return this._chart;
  }

  private _toolbar(first: number): Widget {
    const trans = this._trans;
    const select = this._metricSelect(trans.__('Metric'));
    select.value = String(first);
    select.addEventListener('change', () => {
      const series = this._series[Number(select.value)];
      CHOSEN.set(this._history.monitor_id, series.name); // kept when the view opens again
      this._main = series;
      this._render();
    });
    // "Compare with…": more metrics on the same chart, each with its threshold.
    const compare = this._metricSelect(trans.__('Compare with another metric'));
    compare.classList.add('jp-ModelMonitor-compareSelect');
    compare.prepend(
      element('option', { text: trans.__('Compare with…'), attributes: { value: '' } })
    );
    compare.value = '';
    compare.addEventListener('change', () => {
      const series = this._series[Number(compare.value)];
      compare.value = '';
      if (series && series !== this._main && !this._compared.includes(series)) {
        this._compared = [...this._compared, series].slice(-MAX_COMPARED);
        this._render();
      }
    });
    const runs = new Set(this._series.flatMap(s => s.points.map(p => p.execution_id))).size;
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        select,
        compare,
        this._chips,
        element('span', {
          className: 'jp-ModelMonitor-summary',
          text: trans._n('%1 run', '%1 runs', runs)
        }),
        this._thresholdText
      ])
    });
  }

  /** The metrics grouped, with short names: "age" › "baseline_drift", not 130 ids in one list. */
  private _metricSelect(label: string): HTMLSelectElement {
    const select = element('select', {
      className: 'jp-ModelMonitor-metricSelect jp-mod-styled',
      attributes: { 'aria-label': label }
    });
    const groups = new Map<string, HTMLOptGroupElement>();
    this._series.forEach((series, i) => {
      const name = this._groupOf(series);
      let group = groups.get(name);
      if (!group) {
        group = element('optgroup', { attributes: { label: name } });
        groups.set(name, group);
        select.append(group);
      }
      const text = series.feature === null ? series.name : series.metric;
      group.append(element('option', { text, attributes: { value: String(i) } }));
    });
    return select;
  }

  /** The chart: the chosen metric alone, or with the metrics it is compared with. */
  private _render(): void {
    this._renderChips();
    if (this._compared.length === 0) {
      this._show(this._main!);
      return;
    }
    const trans = this._trans;
    const charted = [this._main!, ...this._compared].map(series => ({
      name: series.name,
      points: metricPoints(this._history, series, this._runs),
      threshold: this._thresholdOf(series)
    }));
    this._thresholdText.textContent = '';
    this._chart.spec = multiMetricSpec(charted, {
      time: trans.__('Run (window start)'),
      value: trans.__('Value'),
      series: trans.__('Metric'),
      threshold: trans.__('Threshold')
    });
  }

  private _renderChips(): void {
    const trans = this._trans;
    this._chips.replaceChildren(
      ...this._compared.map(series => {
        const remove = element('button', {
          className: 'jp-ModelMonitor-chipRemove',
          text: '×',
          title: trans.__('Remove %1 from the chart', series.name),
          attributes: { type: 'button', 'aria-label': trans.__('Remove %1', series.name) }
        });
        remove.addEventListener('click', () => {
          this._compared = this._compared.filter(s => s !== series);
          this._render();
        });
        return element('span', { className: 'jp-ModelMonitor-chip', text: series.name }, [remove]);
      })
    );
  }

  /** A series' threshold: a model-quality metric's baseline constraint, a drift check's. */
  private _thresholdOf(series: MetricSeries): number | undefined {
    const constraint = constraintOf(series, this._constraints);
    if (constraint) {
      return constraint.threshold;
    }
    return this._driftThresholdOf(series);
  }

  /** A drift series' threshold: its feature's, from the monitor's baseline constraints. */
  private _driftThresholdOf(series: MetricSeries): number | undefined {
    return series.metric === 'baseline_drift' && series.feature !== null
      ? this._driftThresholds[series.feature]
      : undefined;
  }

  private _groupOf(series: MetricSeries): string {
    const trans = this._trans;
    if (constraintOf(series, this._constraints)) {
      return trans.__('Model quality');
    }
    return series.feature === null ? trans.__('Dataset') : trans.__('Feature: %1', series.feature);
  }

  private _show(series: MetricSeries): void {
    const trans = this._trans;
    const constraint = constraintOf(series, this._constraints);
    this._thresholdText.textContent = constraint
      ? trans.__(
          'Baseline threshold: %1 (%2)',
          formatNumber(constraint.threshold),
          constraint.comparison_operator
        )
      : '';
    if (constraint) {
      this._chart.spec = metricThresholdSpec(
        series.name,
        qualityMetricPoints(series, constraint, this._runs),
        constraint.threshold,
        {
          time: trans.__('Run (window start)'),
          value: trans.__('Value'),
          threshold: trans.__('Baseline threshold'),
          violations: trans.__('Beyond the threshold'),
          none: trans.__('Within the threshold')
        }
      );
      return;
    }
    const driftThreshold = this._driftThresholdOf(series);
    if (driftThreshold !== undefined) {
      this._thresholdText.textContent = trans.__(
        'Drift threshold: %1',
        formatNumber(driftThreshold)
      );
      this._chart.spec = metricThresholdSpec(
        series.name,
        metricPoints(this._history, series, this._runs),
        driftThreshold,
        {
          time: trans.__('Run (window start)'),
          value: trans.__('Value'),
          threshold: trans.__('Drift threshold'),
          violations: trans.__('Run with violations'),
          none: trans.__('Run without violations')
        }
      );
      return;
    }
    this._chart.spec = metricHistorySpec(
      series.name,
      metricPoints(this._history, series, this._runs),
      {
        time: trans.__('Run (window start)'),
        value: trans.__('Value'),
        violations: trans.__('Run with violations'),
        none: trans.__('Run without violations')
      }
    );
  }

  private _series: MetricSeries[] = [];
  private _segment: MetricSegment | null = null;
  private _segmentBar: Widget | null = null;
  private _main: MetricSeries | null = null;
  private _compared: MetricSeries[] = [];
  private _chips = element('span', { className: 'jp-ModelMonitor-chips' });
  /** Each run's label on the charts' x axis: the heatmap's columns and the series' points. */
  private readonly _runs: Map<string, string>;
  private _heatmap: ChartView | null = null;
  private _comparisonRequested = new Signal<this, RunFeature>(this);
  private _thresholdText = element('span', { className: 'jp-ModelMonitor-metricThreshold' });
  private _chart!: ChartView;
}

function heatmapHeader(trans: TranslationBundle, caption: string): HTMLElement {
  return element('div', { className: 'jp-ModelMonitor-heatmapHeader' }, [
    element('h3', { text: trans.__('Drift over time') }),
    element('p', { className: 'jp-ModelMonitor-lead', text: caption })
  ]);
}

/** A run's window start, short: "Dec 6, 13:00". */
function runTime(iso: string): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  });
}
