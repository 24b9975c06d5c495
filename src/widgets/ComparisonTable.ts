import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { FeatureComparison } from '../models/comparison';
import { ComparisonModel, ComparisonSort } from '../models/ComparisonModel';
import { cell, element } from './dom';
import { formatNumber, formatPercent } from './format';
import { selectableRow, SelectableRows, sortHeader } from './selectableRows';

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
    table.append(this._headSection, this._rows.body);
    this.node.appendChild(table);
    _model.changed.connect(this._render, this);
    this._render();
  }

  private _head(): HTMLElement {
    const trans = this._trans;
    const sortable = (label: string, sort: ComparisonSort, numeric = false) =>
      sortHeader(label, sort, 'data-sort', () => (this._model.sort = sort), numeric);
    const th = (label: string, numeric = false) =>
      element(
        'th',
        {
          className: numeric ? 'jp-ModelMonitor-numeric' : undefined,
          attributes: { scope: 'col' }
        },
        [element('span', { className: 'jp-ModelMonitor-th', text: label })]
      );
    return element('thead', {}, [
      element('tr', {}, [
        sortable(trans.__('Feature'), 'name'),
        th(trans.__('Type')),
        th(trans.__('Missing (baseline)'), true),
        th(trans.__('Missing (current)'), true),
        sortable(trans.__('Drift'), 'drift', true),
        th(trans.__('Violations'))
      ])
    ]);
  }

  private _render(): void {
    this._updateSortIndicators();
    const rows = this._model.visibleRows.map(row => this._row(row));
    this._rows.render(rows, this._trans.__('No feature matches the filter.'), 6);
  }

  private _row(row: FeatureComparison): HTMLTableRowElement {
    const selected = row.name === this._model.selected?.name;
    const drifted = row.drifted;
    const driftCell = cell(formatNumber(row.drift), true);
    driftCell.classList.toggle('jp-ModelMonitor-drifted', drifted);
    const badges = row.violations.map(type =>
      element('span', { className: 'jp-ModelMonitor-badge jp-mod-drift', text: type })
    );
    const tr = selectableRow('data-feature', row.name, selected, [
      cell(row.name),
      cell(this._kindLabel(row)),
      cell(formatPercent(row.baselineMissing), true),
      cell(formatPercent(row.currentMissing), true),
      driftCell,
      element('td', {}, [element('span', { className: 'jp-ModelMonitor-badges' }, badges)])
    ]);
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
  private _rows = new SelectableRows('data-feature', name => this._model.select(name));
}
