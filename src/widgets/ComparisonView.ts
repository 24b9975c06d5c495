import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Panel, Widget } from '@lumino/widgets';

import { RecordQuery } from '../api/records';
import { ComparisonLabels, driftBarsSpec } from '../charts/comparisonSpecs';
import { ComparisonModel } from '../models/ComparisonModel';
import { ChartView } from './ChartView';
import { ComparisonDetail } from './ComparisonDetail';
import { ComparisonTable } from './ComparisonTable';
import { exportName, toCsv } from '../models/csvExport';
import { element } from './dom';
import { exportButton, exportCsvButton } from './download';

/** Baseline vs current statistics: summary, drift bars, the overview table and the detail pane. */
export class ComparisonView extends Panel {
  constructor(
    readonly model: ComparisonModel,
    readonly paths: { baseline: string; current: string },
    private readonly _trans: TranslationBundle,
    /** False where `paths` are labels, not files (a notebook output): no records to ask for. */
    showsRecords = true
  ) {
    super();
    this.addClass('jp-ModelMonitor-comparisonView');
    const labels = comparisonLabels(_trans);
    this.addWidget(this._toolbar());
    this.addWidget(this._driftChart(labels));
    const body = new Panel();
    body.addClass('jp-ModelMonitor-statisticsBody');
    body.addWidget(new ComparisonTable(model, _trans));
    const detail = new ComparisonDetail(model, labels, _trans, showsRecords);
    // The run is the current statistics' folder; its diagnostics.json says what it read.
    const run = PathExt.dirname(paths.current);
    detail.recordsRequested.connect((_, query) => this._recordsRequested.emit({ ...query, run }));
    body.addWidget(detail);
    this.addWidget(body);
  }

  private _toolbar(): Widget {
    const trans = this._trans;
    const model = this.model;
    const search = element('input', {
      className: 'jp-ModelMonitor-search jp-mod-styled',
      attributes: {
        type: 'search',
        placeholder: trans.__('Filter features'),
        'aria-label': trans.__('Filter features')
      }
    });
    search.addEventListener('input', () => (model.search = search.value));
    const summaryNode = element('span', { className: 'jp-ModelMonitor-summary' });
    // The feature count follows the filter: "2 of 15 features" (#18 item 12).
    const count = () => {
      const total = model.features.length;
      const shown = model.visibleRows.length;
      const features =
        shown === total
          ? trans.__('%1 features', total)
          : trans.__('%1 of %2 features', shown, total);
      const drift = model.violations
        ? trans.__('%1 with a drift violation', model.driftedCount)
        : trans.__(
            '%1 above the drift threshold %2 (%3 L∞)',
            model.driftedCount,
            model.threshold,
            model.settings.comparisonMethod
          );
      summaryNode.textContent = `${features} · ${drift}`;
    };
    count();
    model.changed.connect(count);
    const files = element('div', { className: 'jp-ModelMonitor-comparedFiles' }, [
      element('span', { text: trans.__('Baseline: %1', this.paths.baseline) }),
      element('span', { text: trans.__('Current: %1', this.paths.current) })
    ]);
    const exportCsv = exportCsvButton(
      trans.__('Export CSV'),
      trans.__('Save the features shown, with their drift, as a CSV file'),
      () => ({ fileName: exportName('comparison', 'drift'), csv: this._csv() })
    );
    const report = exportButton(
      trans.__('Export report'),
      trans.__(
        'Save this comparison as one HTML file (tables and charts, no script) to share or attach'
      ),
      'export-report',
      () => this._reportRequested.emit()
    );
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        search,
        summaryNode,
        exportCsv,
        report,
        files
      ])
    });
  }

  /** Emitted when the user asks for the comparison as an HTML report. */
  get reportRequested(): ISignal<this, void> {
    return this._reportRequested;
  }

  /** Emitted when a feature's records in the run are asked for (see ComparisonDetail). */
  get recordsRequested(): ISignal<this, RecordQuery> {
    return this._recordsRequested;
  }

  private _reportRequested = new Signal<this, void>(this);
  private _recordsRequested = new Signal<this, RecordQuery>(this);

  /** The rows shown, as the table has them; violations joined by ";". */
  private _csv(): string {
    const header = ['feature', 'kind', 'missing_baseline', 'missing_current', 'drift'];
    header.push('raw_drift', 'drift_threshold', 'drifted', 'violations');
    const rows = this.model.visibleRows.map(f => [
      f.name,
      f.kind,
      f.baselineMissing,
      f.currentMissing,
      f.drift,
      f.rawDrift,
      f.driftThreshold,
      f.drifted,
      f.violations.join(';')
    ]);
    return toCsv(header, rows);
  }

  private _driftChart(labels: ComparisonLabels): Widget {
    const chart = new ChartView(this._trans);
    chart.addClass('jp-ModelMonitor-driftChart');
    const features = this.model.features
      .filter(f => f.drift !== undefined)
      .map(f => ({ name: f.name, drift: f.drift!, drifted: f.drifted }));
    chart.spec = features.length ? driftBarsSpec(features, this.model.threshold, labels) : null;
    // A bar opens its feature below: its charts, and the records behind it.
    chart.clicked.connect((_, datum) => {
      if (typeof datum.feature === 'string') {
        this.model.select(datum.feature);
      }
    });
    return chart;
  }
}

export function comparisonLabels(trans: TranslationBundle): ComparisonLabels {
  return {
    baseline: trans.__('Baseline'),
    current: trans.__('Current'),
    share: trans.__('Share'),
    cdf: trans.__('Cumulative share'),
    value: trans.__('Value'),
    feature: trans.__('Feature'),
    drift: trans.__('Drift (L∞)'),
    threshold: trans.__('Threshold'),
    largestGap: trans.__('Largest gap')
  };
}
