import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';
import type { TopLevelSpec } from 'vega-lite';

import {
  confusionMatrixSpec,
  prCurveSpec,
  residualHistogramSpec,
  rocCurveSpec
} from '../charts/qualitySpecs';
import { QualityDocument, QualityMetricRow, qualityDocument } from '../models/qualityDocument';
import { ChartView } from './ChartView';
import { cell, element } from './dom';
import { formatCount, formatNumber } from './format';
import { CONSTRAINTS_FILE, VIOLATIONS_FILE } from '../engine/documents/fileNames';

/** Reads a JSON file beside the statistics (constraints.json, constraint_violations.json). */
export type SiblingReader = (name: string) => Promise<unknown>;

/**
 * Model-quality statistics: a metrics table (with the baseline threshold and violations when
 * constraints.json / constraint_violations.json sit beside the file), then the problem's charts.
 */
export class QualityView extends Panel {
  constructor(
    private readonly _statistics: unknown,
    private readonly _trans: TranslationBundle,
    readSibling?: SiblingReader
  ) {
    super();
    this.addClass('jp-ModelMonitor-qualityView');
    this._show(qualityDocument(_statistics)!);
    this.ready = readSibling ? this._loadSiblings(readSibling) : Promise.resolve();
  }

  /** Resolves once the sibling files were read and the view redrawn with them. */
  readonly ready: Promise<void>;

  get document(): QualityDocument | null {
    return this._document;
  }

  get charts(): ChartView[] {
    return this._charts;
  }

  private async _loadSiblings(read: SiblingReader): Promise<void> {
    const [constraints, violations] = await Promise.all([
      read(CONSTRAINTS_FILE).catch(() => null),
      read(VIOLATIONS_FILE).catch(() => null)
    ]);
    if (!this.isDisposed && (constraints || violations)) {
      this._show(qualityDocument(this._statistics, constraints, violations)!);
    }
  }

  private _show(doc: QualityDocument): void {
    this._document = doc;
    this._charts.forEach(c => c.dispose());
    this._charts = [];
    while (this.widgets.length > 0) {
      this.widgets[0].dispose();
    }
    this.addWidget(this._summary(doc));
    this.addWidget(this._table(doc.rows));
    const charts = new Panel();
    charts.addClass('jp-ModelMonitor-qualityCharts');
    for (const [title, spec] of this._specs(doc)) {
      const chart = new ChartView(this._trans);
      chart.addClass('jp-ModelMonitor-qualityChart');
      chart.node.dataset.chart = title;
      const box = new Panel();
      box.addClass('jp-ModelMonitor-qualityChartBox');
      box.addWidget(
        new Widget({
          node: element('h3', { className: 'jp-ModelMonitor-chartTitle', text: title })
        })
      );
      box.addWidget(chart);
      charts.addWidget(box);
      chart.spec = spec;
      this._charts.push(chart);
    }
    this.addWidget(charts);
  }

  private _specs(doc: QualityDocument): [string, TopLevelSpec][] {
    const trans = this._trans;
    const specs: [string, TopLevelSpec | null][] = [];
    if (doc.confusionMatrix) {
      specs.push([
        trans.__('Confusion matrix'),
        confusionMatrixSpec(doc.confusionMatrix, {
          actual: trans.__('Actual'),
          predicted: trans.__('Predicted'),
          count: trans.__('Count')
        })
      ]);
    }
    if (doc.rocCurve) {
      const title = trans.__('ROC curve');
      specs.push([
        title,
        rocCurveSpec(doc.rocCurve, {
          title: '',
          x: trans.__('False positive rate'),
          y: trans.__('True positive rate')
        })
      ]);
    }
    if (doc.prCurve) {
      specs.push([
        trans.__('Precision-recall curve'),
        prCurveSpec(doc.prCurve, { title: '', x: trans.__('Recall'), y: trans.__('Precision') })
      ]);
    }
    if (doc.residualHistogram) {
      specs.push([
        trans.__('Residuals (actual − predicted)'),
        residualHistogramSpec(doc.residualHistogram, {
          residual: trans.__('Residual'),
          count: trans.__('Rows'),
          mean: trans.__('Mean residual')
        })
      ]);
    }
    return specs.filter((s): s is [string, TopLevelSpec] => s[1] !== null);
  }

  private _summary(doc: QualityDocument): Widget {
    const trans = this._trans;
    const problem = {
      regression: trans.__('Regression'),
      binary_classification: trans.__('Binary classification'),
      multiclass_classification: trans.__('Multiclass classification')
    }[doc.problem];
    const violated = doc.rows.filter(r => r.violated).length;
    const parts = [
      trans.__('Model quality: %1', problem),
      trans._n('%2 row', '%2 rows', doc.itemCount ?? 0, formatCount(doc.itemCount ?? 0)),
      violated > 0 ? trans._n('%1 violated metric', '%1 violated metrics', violated) : ''
    ].filter(Boolean);
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        element('span', { className: 'jp-ModelMonitor-summary', text: parts.join(' · ') })
      ])
    });
  }

  private _table(rows: QualityMetricRow[]): Widget {
    const trans = this._trans;
    const head = element(
      'tr',
      {},
      [
        trans.__('Metric'),
        trans.__('Value'),
        trans.__('Std dev'),
        trans.__('Baseline threshold'),
        trans.__('Operator'),
        trans.__('Status')
      ].map(text => element('th', { text }))
    );
    const body = element('tbody');
    for (const row of rows) {
      body.append(
        element('tr', { attributes: { 'data-metric': row.metric } }, [
          cell(row.metric),
          cell(formatNumber(row.value ?? undefined), true),
          cell(stdText(row.standardDeviation), true),
          cell(formatNumber(row.threshold ?? undefined), true),
          cell(row.operator ?? '—'),
          element('td', {}, [this._badge(row)])
        ])
      );
    }
    const table = element(
      'table',
      { className: 'jp-ModelMonitor-table jp-ModelMonitor-qualityTable' },
      [element('thead', {}, [head]), body]
    );
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-tableContainer' }, [table])
    });
  }

  private _badge(row: QualityMetricRow): HTMLElement {
    const trans = this._trans;
    if (row.violated) {
      return element('span', {
        className: 'jp-ModelMonitor-badge jp-mod-drift',
        text: trans.__('Violated'),
        title: row.violation ?? ''
      });
    }
    if (!this._document?.violationsChecked) {
      return element('span', { className: 'jp-ModelMonitor-badge', text: trans.__('Not checked') });
    }
    if (row.threshold === null && this._document.constraintsRead) {
      return element('span', {
        className: 'jp-ModelMonitor-badge',
        text: trans.__('No constraint')
      });
    }
    return element('span', { className: 'jp-ModelMonitor-badge jp-mod-ok', text: trans.__('OK') });
  }

  private _document: QualityDocument | null = null;
  private _charts: ChartView[] = [];
}

function stdText(text: string): string {
  const n = Number(text);
  return text !== '' && isFinite(n) ? formatNumber(n) : text || '—';
}
