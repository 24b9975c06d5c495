import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Panel, Widget } from '@lumino/widgets';

import { RecordQuery } from '../api/records';
import { ComparisonLabels, driftBarsSpec } from '../charts/comparisonSpecs';
import { SegmentEntry } from '../engine/pipeline/segmentsIndex';
import { ComparisonModel } from '../models/ComparisonModel';
import { SegmentedComparison } from '../models/SegmentedComparison';
import { ChartView } from './ChartView';
import { ComparisonDetail } from './ComparisonDetail';
import { ComparisonTable } from './ComparisonTable';
import { exportName, toCsv } from '../models/csvExport';
import { element } from './dom';
import { exportButton, exportCsvButton } from './download';
import { featureFilter } from './featureFilter';
import { fileErrorText } from './comparisonErrors';
import { messageView } from './createResultView';
import { SegmentBar } from './SegmentBar';

/** The files compared (or, in a notebook output, their labels). */
export interface ComparisonFiles {
  baseline: string;
  current: string;
}

/**
 * Baseline vs current statistics: summary, drift bars, the overview table and the detail pane.
 * A segmented run's comparison has a segment selector on top; choosing a segment shows its own.
 */
export class ComparisonView extends Panel {
  constructor(
    model: ComparisonModel,
    paths: ComparisonFiles,
    private readonly _trans: TranslationBundle,
    /** False where `paths` are labels, not files (a notebook output): no records to ask for. */
    private readonly _showsRecords = true,
    private readonly _segments: SegmentedComparison | null = null
  ) {
    super();
    this.addClass('jp-ModelMonitor-comparisonView');
    this._model = _segments?.current.model ?? model;
    this._paths = _segments?.current.paths ?? paths;
    if (_segments) {
      this.addWidget(new SegmentBar(_segments, _trans));
      _segments.changed.connect(this._segmentChanged, this);
    }
    this._build(_segments?.error ? fileErrorText(_segments.error, _trans) : undefined);
  }

  /** The comparison shown (a segment's, when one is chosen). */
  get model(): ComparisonModel {
    return this._model;
  }

  get paths(): ComparisonFiles {
    return this._paths;
  }

  /** The segment shown, or null for all data (and for a run without segments). */
  get segment(): SegmentEntry | null {
    return this._segments?.selected ?? null;
  }

  private _segmentChanged(segments: SegmentedComparison): void {
    if (segments.loading) {
      return;
    }
    const { model, paths } = segments.current;
    const message = segments.error ? fileErrorText(segments.error, this._trans) : undefined;
    if (model === this._model && message === this._message) {
      return; // the same segment again
    }
    this._model = model;
    this._paths = paths;
    this._build(message);
  }

  /** Everything under the segment selector, for the model shown, or a message. */
  private _build(message?: string): void {
    this._message = message;
    for (const widget of [...this.widgets]) {
      if (!(widget instanceof SegmentBar)) {
        widget.dispose();
      }
    }
    if (message) {
      this.addWidget(messageView(message));
      return;
    }
    const model = this._model;
    const trans = this._trans;
    const labels = comparisonLabels(trans);
    this.addWidget(this._toolbar());
    this.addWidget(this._driftChart(labels));
    const body = new Panel();
    body.addClass('jp-ModelMonitor-statisticsBody');
    body.addWidget(new ComparisonTable(model, trans));
    // A segment's records would be the whole run's: the records query has no segment filter.
    const records = this._showsRecords && !this.segment;
    const detail = new ComparisonDetail(model, labels, trans, records);
    // The run is the current statistics' folder; its diagnostics.json says what it read.
    const run = PathExt.dirname(this._paths.current);
    detail.recordsRequested.connect((_, query) => this._recordsRequested.emit({ ...query, run }));
    body.addWidget(detail);
    this.addWidget(body);
  }

  private _toolbar(): Widget {
    const trans = this._trans;
    const model = this._model;
    const search = featureFilter(trans, text => (model.search = text));
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
    const toolbar = new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        search,
        summaryNode,
        exportCsv,
        report,
        files
      ])
    });
    model.changed.connect(count, toolbar); // disconnected when the toolbar is disposed
    return toolbar;
  }

  /** Emitted when the user asks for the comparison as an HTML report. */
  get reportRequested(): ISignal<this, void> {
    return this._reportRequested;
  }

  /** Emitted when a feature's records in the run are asked for (see ComparisonDetail). */
  get recordsRequested(): ISignal<this, RecordQuery> {
    return this._recordsRequested;
  }

  private _model: ComparisonModel;
  private _paths: ComparisonFiles;
  /** Shown instead of the comparison: why the chosen segment cannot be shown. */
  private _message: string | undefined;
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
