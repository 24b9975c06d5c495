import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { DriftTestResult } from '../engine/documents/violations';
import { ViolationsTableModel } from '../models/ViolationsTableModel';
import { cell, element } from './dom';
import { formatNumber } from './format';

/** Our extension's drift tests (`x-jupyterlab-model-monitor.drift_tests`), one row per test. */
export class DriftTestsTable extends Widget {
  constructor(
    private readonly _model: ViolationsTableModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-tableContainer');
    const headings = [
      _trans.__('Feature'),
      _trans.__('Test'),
      _trans.__('Statistic'),
      _trans.__('p-value'),
      _trans.__('Threshold'),
      _trans.__('Result')
    ];
    const head = element('thead', {}, [
      element(
        'tr',
        {},
        headings.map((text, i) =>
          element('th', {
            text,
            className: i >= 2 && i <= 4 ? 'jp-ModelMonitor-numeric' : undefined,
            attributes: { scope: 'col' }
          })
        )
      )
    ]);
    this.node.appendChild(
      element(
        'table',
        {
          className: 'jp-ModelMonitor-table jp-ModelMonitor-driftTable',
          attributes: { 'aria-label': _trans.__('Drift tests') }
        },
        [head, this._body]
      )
    );
    _model.changed.connect(this._render, this);
    this._render();
  }

  private _render(): void {
    const rows = this._model.visibleDriftTests.map(test => driftRow(test, this._trans));
    if (rows.length === 0) {
      const text = this._trans.__('No test found drift.');
      rows.push(
        element('tr', {}, [
          element('td', {
            className: 'jp-ModelMonitor-emptyRow',
            text,
            attributes: { colspan: '6' }
          })
        ])
      );
    }
    this._body.replaceChildren(...rows);
  }

  private _body = element('tbody');
}

function driftRow(test: DriftTestResult, trans: TranslationBundle): HTMLTableRowElement {
  return element('tr', {}, [
    cell(String(test.feature_name)),
    cell(String(test.test)),
    cell(formatNumber(asNumber(test.statistic)), true),
    cell(formatNumber(asNumber(test.p_value)), true),
    cell(formatNumber(asNumber(test.threshold)), true),
    element('td', {}, [resultBadge(test, trans)])
  ]);
}

function resultBadge(test: DriftTestResult, trans: TranslationBundle): HTMLElement {
  if (test.skipped !== undefined) {
    return element('span', {
      className: 'jp-ModelMonitor-badge',
      text: trans.__('Skipped: %1', String(test.skipped))
    });
  }
  return test.drift
    ? element('span', { className: 'jp-ModelMonitor-badge jp-mod-drift', text: trans.__('Drift') })
    : element('span', { className: 'jp-ModelMonitor-badge jp-mod-ok', text: trans.__('No drift') });
}

/** p-values may be written as the string "NaN". */
function asNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  return typeof value === 'number' ? value : Number(value);
}
