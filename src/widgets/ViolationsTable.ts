import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ViolationsTableModel } from '../models/violationsTableModel';
import { cell, element } from './dom';

/** The violations of a constraint_violations.json, filtered by the model's check type. */
export class ViolationsTable extends Widget {
  constructor(
    private readonly _model: ViolationsTableModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-tableContainer');
    const head = element('thead', {}, [
      element('tr', {}, [
        element('th', { text: _trans.__('Feature'), attributes: { scope: 'col' } }),
        element('th', { text: _trans.__('Check'), attributes: { scope: 'col' } }),
        element('th', { text: _trans.__('Description'), attributes: { scope: 'col' } })
      ])
    ]);
    const table = element(
      'table',
      {
        className: 'jp-ModelMonitor-table jp-ModelMonitor-violationsTable',
        attributes: { 'aria-label': _trans.__('Violations') }
      },
      [head, this._body]
    );
    this.node.appendChild(table);
    _model.changed.connect(this._render, this);
    this._render();
  }

  private _render(): void {
    const rows = this._model.visibleRows.map(row =>
      element('tr', {}, [
        cell(row.feature),
        element('td', {}, [
          element('span', { className: 'jp-ModelMonitor-checkType', text: row.checkType })
        ]),
        cell(row.description)
      ])
    );
    if (rows.length === 0) {
      rows.push(this._emptyRow());
    }
    this._body.replaceChildren(...rows);
  }

  private _emptyRow(): HTMLTableRowElement {
    const text =
      this._model.violationCount === 0
        ? this._trans.__('No violations: the data met every constraint.')
        : this._trans.__('No violation of this check type.');
    return element('tr', {}, [
      element('td', { className: 'jp-ModelMonitor-emptyRow', text, attributes: { colspan: '3' } })
    ]);
  }

  private _body = element('tbody');
}
