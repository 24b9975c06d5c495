import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { MetricHistory, MetricSeries } from '../api/types';
import { metricHistorySpec } from '../charts/metricSpecs';
import { metricPoints, orderedSeries } from '../models/metricHistory';
import { ChartView } from './ChartView';
import { element } from './dom';

/** A monitor's metrics across its runs: pick a series, see it over time with violations marked. */
export class MetricHistoryView extends Panel {
  constructor(
    private readonly _history: MetricHistory,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-metricHistory');
    this._series = orderedSeries(_history);
    this._chart = new ChartView(_trans);
    this._chart.addClass('jp-ModelMonitor-metricChart');
    if (this._series.length === 0) {
      this.node.append(
        element('p', {
          className: 'jp-ModelMonitor-message',
          text: _trans.__('No metrics yet: they are recorded when a run completes.')
        })
      );
      return;
    }
    this.addWidget(this._toolbar());
    this.addWidget(this._chart);
    this._show(this._series[0]);
  }

  get chart(): ChartView {
    return this._chart;
  }

  private _toolbar(): Widget {
    const select = element('select', {
      className: 'jp-ModelMonitor-metricSelect jp-mod-styled',
      attributes: { 'aria-label': this._trans.__('Metric') }
    });
    this._series.forEach((series, i) =>
      select.append(element('option', { text: series.name, attributes: { value: String(i) } }))
    );
    select.addEventListener('change', () => this._show(this._series[Number(select.value)]));
    const runs = new Set(this._series.flatMap(s => s.points.map(p => p.execution_id))).size;
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        select,
        element('span', {
          className: 'jp-ModelMonitor-summary',
          text: this._trans._n('%1 run', '%1 runs', runs)
        })
      ])
    });
  }

  private _show(series: MetricSeries): void {
    const trans = this._trans;
    this._chart.spec = metricHistorySpec(series.name, metricPoints(this._history, series), {
      time: trans.__('Run window start'),
      value: trans.__('Value'),
      violations: trans.__('Run with violations'),
      none: trans.__('Run without violations')
    });
  }

  private _series: MetricSeries[];
  private _chart: ChartView;
}
