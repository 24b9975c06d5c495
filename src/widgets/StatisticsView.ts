import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { featureHistogramSpec } from '../charts/specs';
import { StatisticsTableModel } from '../models/StatisticsTableModel';
import { HistogramMeasure, ViewerSettings } from '../models/ViewerSettings';
import { ChartView } from './ChartView';
import { exportName, toCsv } from '../models/csvExport';
import { element } from './dom';
import { exportCsvButton } from './download';
import { featureFilter } from './featureFilter';
import { FeaturesTable } from './FeaturesTable';
import { formatCount } from './format';

/**
 * A statistics.json: a summary and search box on top, the features table, and the histogram of
 * the selected feature.
 */
export class StatisticsView extends Panel {
  constructor(
    readonly model: StatisticsTableModel,
    private readonly _settings: ViewerSettings,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-statisticsView');
    this._measure = _settings.values.histogramMeasure;
    this._chart = new ChartView(_trans);
    this._chartTitle = element('h3', { className: 'jp-ModelMonitor-chartTitle' });

    const body = new Panel();
    body.addClass('jp-ModelMonitor-statisticsBody');
    body.addWidget(new FeaturesTable(model, _trans));
    body.addWidget(this._chartPane());
    this.addWidget(this._toolbar());
    this.addWidget(body);

    model.selectionChanged.connect(this._updateChart, this);
    _settings.changed.connect(this._onSettingsChanged, this);
    this._updateChart();
  }

  /** The chart of the selected feature. */
  get chart(): ChartView {
    return this._chart;
  }

  dispose(): void {
    this._settings.changed.disconnect(this._onSettingsChanged, this);
    super.dispose();
  }

  private _toolbar(): Widget {
    const trans = this._trans;
    const summary = element('span', { className: 'jp-ModelMonitor-summary' });
    // The count follows the filter: "3 of 15 features" (#18 item 12).
    const count = () => {
      const shown = this.model.visibleRows.length;
      const total = this.model.featureCount;
      const features =
        shown === total
          ? trans._n('%1 feature', '%1 features', total)
          : trans._n('%2 of %1 feature', '%2 of %1 features', total, shown);
      summary.textContent =
        features +
        (this.model.itemCount !== undefined
          ? ' · ' + trans.__('%1 rows', formatCount(this.model.itemCount))
          : '');
    };
    count();
    this.model.rowsChanged.connect(count);
    const search = featureFilter(trans, text => this.model.setFilter(text));
    const exportCsv = exportCsvButton(
      trans.__('Export CSV'),
      trans.__('Save the features shown as a CSV file'),
      () => ({ fileName: exportName('statistics', 'features'), csv: this._csv() })
    );
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [search, summary, exportCsv])
    });
  }

  /** The rows shown (filter and sort applied), with every column of the table. */
  private _csv(): string {
    const header = ['feature', 'type', 'present', 'missing', 'missing_share', 'mean', 'std_dev'];
    header.push('min', 'max', 'distinct');
    const rows = this.model.visibleRows.map(r => [
      r.name,
      r.type,
      r.present,
      r.missing,
      r.missingShare,
      r.mean,
      r.stdDev,
      r.min,
      r.max,
      r.distinct
    ]);
    return toCsv(header, rows);
  }

  private _chartPane(): Widget {
    const trans = this._trans;
    const select = element('select', {
      className: 'jp-ModelMonitor-measure jp-mod-styled',
      attributes: { 'aria-label': trans.__('Histogram measure') }
    });
    const options: [HistogramMeasure, string][] = [
      ['count', trans.__('Counts')],
      ['share', trans.__('Shares')]
    ];
    for (const [value, label] of options) {
      select.appendChild(element('option', { text: label, attributes: { value } }));
    }
    select.value = this._measure;
    select.addEventListener('change', () => {
      this._measure = select.value as HistogramMeasure;
      this._updateChart();
    });
    const header = element('div', { className: 'jp-ModelMonitor-chartHeader' }, [
      this._chartTitle,
      select
    ]);
    const pane = new Panel();
    pane.addClass('jp-ModelMonitor-chartPane');
    pane.addWidget(new Widget({ node: header }));
    pane.addWidget(this._chart);
    return pane;
  }

  private _onSettingsChanged(): void {
    this._updateChart();
  }

  private _updateChart(): void {
    const feature = this.model.selectedFeature;
    this._chartTitle.textContent = feature ? feature.name : this._trans.__('No feature selected');
    this._chart.spec = feature
      ? featureHistogramSpec(feature, {
          height: this._settings.values.chartHeight,
          measure: this._measure,
          labels: {
            count: this._trans.__('Count'),
            share: this._trans.__('Share'),
            range: this._trans.__('Range'),
            value: this._trans.__('Value')
          }
        })
      : null;
  }

  private _measure: HistogramMeasure;
  private _chart: ChartView;
  private _chartTitle: HTMLHeadingElement;
}
