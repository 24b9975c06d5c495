import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ViolationColumn, ViolationsTableModel } from '../models/ViolationsTableModel';
import { cell, element } from './dom';
import { readableDescription } from './format';
import { selectableRow, SelectableRows, sortHeader } from './selectableRows';

/**
 * The violations of a constraint_violations.json, filtered by the model's check type: sortable by
 * feature and check, rows reachable with the keyboard (Enter or Space selects one).
 */
export class ViolationsTable extends Widget {
  constructor(
    private readonly _model: ViolationsTableModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-tableContainer');
    const head = element('thead', {}, [
      element('tr', {}, [
        this._sortHeader(
          _model.isModelQuality ? _trans.__('Metric') : _trans.__('Feature'),
          'feature'
        ),
        this._sortHeader(
          _model.isModelQuality ? _trans.__('Comparison') : _trans.__('Check'),
          'checkType'
        ),
        element('th', { text: _trans.__('Description'), attributes: { scope: 'col' } })
      ])
    ]);
    const table = element(
      'table',
      {
        className: 'jp-ModelMonitor-table jp-ModelMonitor-violationsTable',
        attributes: { 'aria-label': _trans.__('Violations') }
      },
      [head, this._rows.body]
    );
    this.node.appendChild(table);
    _model.changed.connect(this._render, this);
    this._render();
  }

  private _sortHeader(label: string, column: ViolationColumn): HTMLTableCellElement {
    const th = sortHeader(label, column, 'data-column', () => this._model.sortBy(column));
    this._sortHeaders.push(th);
    return th;
  }

  private _render(): void {
    const sort = this._model.sort;
    for (const th of this._sortHeaders) {
      const sorted = sort?.column === th.getAttribute('data-column');
      th.setAttribute('aria-sort', sorted ? sort!.direction : 'none');
    }
    const rows = this._model.visibleRows.map(row =>
      selectableRow('data-index', String(row.index), row.index === this._model.selected, [
        wrappingCell(row.feature),
        element('td', {}, [
          element('span', { className: 'jp-ModelMonitor-checkType', text: row.checkType })
        ]),
        descriptionCell(row.description)
      ])
    );
    this._rows.render(rows, this._emptyText(), 3);
  }

  private _emptyText(): string {
    return this._model.violationCount === 0
      ? this._trans.__('No violations: the data met every constraint.')
      : this._trans.__('No violation of this check type.');
  }

  private _sortHeaders: HTMLTableCellElement[] = [];
  private _rows = new SelectableRows('data-index', index => this._model.select(Number(index)));
}

/** The description with readable numbers; the file's exact text shows on hover. */
function descriptionCell(description: string): HTMLTableCellElement {
  const td = wrappingCell(readableDescription(description));
  td.title = description;
  return td;
}

/** Longer than this, a word may break anywhere (else it would widen the table past the view). */
const LONG_WORD = /\S{41}/;

/**
 * A cell whose words stay whole ("monthly_charges", not "monthly_ch arges": #18 item 14), unless
 * one is so long (a hostile or generated name) that only breaking it keeps the table in view.
 */
function wrappingCell(text: string): HTMLTableCellElement {
  const td = cell(text);
  if (LONG_WORD.test(text)) {
    td.classList.add('jp-ModelMonitor-longWords');
  }
  return td;
}
