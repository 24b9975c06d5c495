import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { FeatureComparison } from '../models/comparison';
import { ComparisonModel, ComparisonSort } from '../models/ComparisonModel';
import { cell, element } from './dom';
import { formatNumber, formatPercent } from './format';
import { isActivation, keepOneTabStop, moveRowFocus } from './tableKeys';

/** The overview: one row per feature with type, missing shares, drift and violation badges. */
export class ComparisonTable extends Widget {
  constructor(
    private readonly _model: ComparisonModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-tableContainer');
    const table = element('table', {
      className:
        'jp-ModelMonitor-table jp-ModelMonitor-featuresTable jp-ModelMonitor-comparisonTable',
      attributes: { 'aria-label': _trans.__('Features, baseline vs current') }
    });
    this._headSection = this._head();
    table.append(this._headSection, this._body);
    this.node.appendChild(table);
    this._body.addEventListener('click', this);
    this._body.addEventListener('keydown', this);
    _model.changed.connect(this._render, this);
    this._render();
  }

  handleEvent(event: Event): void {
    const row = (event.target as HTMLElement).closest?.('tr[data-feature]');
    if (!row || (event.type === 'keydown' && moveRowFocus(event as KeyboardEvent, this._body))) {
      return;
    }
    if (isActivation(event)) {
      event.preventDefault();
      this._model.select(row.getAttribute('data-feature')!);
    }
  }

  private _head(): HTMLElement {
    const trans = this._trans;
    const sortable = (label: string, sort: ComparisonSort): HTMLButtonElement => {
      const button = element('button', {
        className: 'jp-ModelMonitor-sortButton',
        text: label,
        attributes: { type: 'button', 'data-sort': sort }
      });
      button.addEventListener('click', () => (this._model.sort = sort));
      return button;
    };
    const th = (content: HTMLElement | string, numeric = false) =>
      element(
        'th',
        {
          className: numeric ? 'jp-ModelMonitor-numeric' : undefined,
          attributes: {
            scope: 'col',
            ...(typeof content === 'string' ? {} : { 'data-sort': content.dataset.sort! })
          }
        },
        [
          typeof content === 'string'
            ? element('span', { className: 'jp-ModelMonitor-th', text: content })
            : content
        ]
      );
    return element('thead', {}, [
      element('tr', {}, [
        th(sortable(trans.__('Feature'), 'name')),
        th(trans.__('Type')),
        th(trans.__('Missing (baseline)'), true),
        th(trans.__('Missing (current)'), true),
        th(sortable(trans.__('Drift'), 'drift'), true),
        th(trans.__('Violations'))
      ])
    ]);
  }

  private _render(): void {
    this._updateSortIndicators();
    // Selecting re-renders the rows: keep the keyboard focus on the same feature.
    const focused = (document.activeElement as HTMLElement | null)?.closest?.('tr[data-feature]');
    const focusedName =
      focused && this._body.contains(focused) ? focused.getAttribute('data-feature') : null;
    const rows = this._model.visibleRows;
    this._body.replaceChildren(...rows.map(row => this._row(row)));
    if (focusedName !== null) {
      Array.from(this._body.rows)
        .find(tr => tr.getAttribute('data-feature') === focusedName)
        ?.focus();
    }
    if (rows.length === 0) {
      const empty = element('td', {
        className: 'jp-ModelMonitor-emptyRow',
        text: this._trans.__('No feature matches the filter.'),
        attributes: { colspan: '6' }
      });
      this._body.append(element('tr', {}, [empty]));
    }
    keepOneTabStop(this._body);
  }

  private _row(row: FeatureComparison): HTMLTableRowElement {
    const selected = row.name === this._model.selected?.name;
    const drifted = row.drifted;
    const driftCell = cell(formatNumber(row.drift), true);
    driftCell.classList.toggle('jp-ModelMonitor-drifted', drifted);
    const badges = row.violations.map(type =>
      element('span', { className: 'jp-ModelMonitor-badge jp-mod-drift', text: type })
    );
    const tr = element(
      'tr',
      {
        className: selected ? 'jp-ModelMonitor-selected' : undefined,
        attributes: { 'data-feature': row.name, tabindex: '0', 'aria-selected': String(selected) }
      },
      [
        cell(row.name),
        cell(this._kindLabel(row)),
        cell(formatPercent(row.baselineMissing), true),
        cell(formatPercent(row.currentMissing), true),
        driftCell,
        element('td', {}, [element('span', { className: 'jp-ModelMonitor-badges' }, badges)])
      ]
    );
    tr.cells[0].classList.add('jp-ModelMonitor-featureName');
    // Long names are clipped with an ellipsis: the full name shows on hover.
    tr.cells[0].title = tr.cells[0].textContent ?? '';
    return tr;
  }

  /** Names sort A to Z, drift largest first. */
  private _updateSortIndicators(): void {
    for (const th of Array.from(this._headSection.querySelectorAll('th[data-sort]'))) {
      const sort = th.getAttribute('data-sort');
      const direction = sort === 'name' ? 'ascending' : 'descending';
      th.setAttribute('aria-sort', sort === this._model.sort ? direction : 'none');
    }
  }

  private _kindLabel(row: FeatureComparison): string {
    switch (row.kind) {
      case 'numeric':
        return this._trans.__('Numeric');
      case 'categorical':
        return this._trans.__('Categorical');
      default:
        return this._trans.__('Unknown');
    }
  }

  private _headSection!: HTMLElement;
  private _body = element('tbody');
}
