import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ViolationColumn, ViolationsTableModel } from '../models/ViolationsTableModel';
import { cell, element } from './dom';
import { readableDescription } from './format';
import { isActivation, keepOneTabStop, moveRowFocus } from './tableKeys';

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
        this._sortableHeader(
          _model.isModelQuality ? _trans.__('Metric') : _trans.__('Feature'),
          'feature'
        ),
        this._sortableHeader(
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
      [head, this._body]
    );
    this.node.appendChild(table);
    this._body.addEventListener('click', this);
    this._body.addEventListener('keydown', this);
    _model.changed.connect(this._render, this);
    this._render();
  }

  handleEvent(event: Event): void {
    const row = (event.target as HTMLElement).closest?.('tr[data-index]');
    if (!row || (event.type === 'keydown' && moveRowFocus(event as KeyboardEvent, this._body))) {
      return;
    }
    if (isActivation(event)) {
      event.preventDefault();
      this._model.select(Number(row.getAttribute('data-index')));
    }
  }

  private _sortableHeader(label: string, column: ViolationColumn): HTMLTableCellElement {
    const button = element('button', {
      className: 'jp-ModelMonitor-sortButton',
      text: label,
      attributes: { type: 'button', 'data-column': column }
    });
    button.addEventListener('click', () => this._model.sortBy(column));
    const th = element('th', { attributes: { scope: 'col', 'data-column': column } }, [button]);
    this._sortHeaders.push(th);
    return th;
  }

  private _render(): void {
    const sort = this._model.sort;
    for (const th of this._sortHeaders) {
      const sorted = sort?.column === th.getAttribute('data-column');
      th.setAttribute('aria-sort', sorted ? sort!.direction : 'none');
    }
    const focusedIndex = (document.activeElement as HTMLElement | null)?.dataset?.index;
    const rows = this._model.visibleRows.map(row => {
      const selected = row.index === this._model.selected;
      return element(
        'tr',
        {
          className: selected ? 'jp-ModelMonitor-selected' : undefined,
          attributes: {
            'data-index': String(row.index),
            tabindex: '0',
            'aria-selected': String(selected)
          }
        },
        [
          wrappingCell(row.feature),
          element('td', {}, [
            element('span', { className: 'jp-ModelMonitor-checkType', text: row.checkType })
          ]),
          descriptionCell(row.description)
        ]
      );
    });
    if (rows.length === 0) {
      rows.push(this._emptyRow());
    }
    this._body.replaceChildren(...rows);
    if (focusedIndex !== undefined) {
      this._body.querySelector<HTMLElement>(`tr[data-index="${focusedIndex}"]`)?.focus();
    }
    keepOneTabStop(this._body);
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

  private _sortHeaders: HTMLTableCellElement[] = [];
  private _body = element('tbody');
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
