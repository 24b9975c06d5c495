import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { FeatureColumn, FeatureRow } from '../models/featureRows';
import { StatisticsTableModel } from '../models/StatisticsTableModel';
import { cell, element } from './dom';
import { formatCount, formatNumber, formatPercent } from './format';
import { selectableRow, SelectableRows, sortHeader } from './selectableRows';

interface ColumnDefinition {
  column: FeatureColumn;
  label: string;
  numeric: boolean;
  format: (row: FeatureRow) => string;
}

function columns(trans: TranslationBundle): ColumnDefinition[] {
  const number = (column: FeatureColumn, label: string): ColumnDefinition => ({
    column,
    label,
    numeric: true,
    format: row => formatNumber(row[column] as number | undefined)
  });
  return [
    { column: 'name', label: trans.__('Feature'), numeric: false, format: row => row.name },
    { column: 'type', label: trans.__('Type'), numeric: false, format: row => row.type },
    {
      column: 'present',
      label: trans.__('Present'),
      numeric: true,
      format: r => formatCount(r.present)
    },
    {
      column: 'missing',
      label: trans.__('Missing'),
      numeric: true,
      format: r => formatCount(r.missing)
    },
    {
      column: 'missingShare',
      label: trans.__('Missing %'),
      numeric: true,
      format: r => formatPercent(r.missingShare)
    },
    number('mean', trans.__('Mean')),
    number('stdDev', trans.__('Std dev')),
    number('min', trans.__('Min')),
    number('max', trans.__('Max')),
    {
      column: 'distinct',
      label: trans.__('Distinct'),
      numeric: true,
      format: r => formatCount(r.distinct)
    }
  ];
}

/** The features of a statistics document: sortable by column header, a click selects a row. */
export class FeaturesTable extends Widget {
  constructor(
    private readonly _model: StatisticsTableModel,
    trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-tableContainer');
    this._columns = columns(trans);
    this._emptyText = trans.__('No feature matches the filter.');
    this._table = element('table', {
      className: 'jp-ModelMonitor-table jp-ModelMonitor-featuresTable',
      attributes: { 'aria-label': trans.__('Features') }
    });
    this._table.append(this._renderHead(), this._rows.body);
    this.node.appendChild(this._table);
    _model.rowsChanged.connect(this._renderBody, this);
    _model.selectionChanged.connect(this._showSelection, this);
    this._renderBody();
  }

  private _renderHead(): HTMLTableSectionElement {
    const headers = this._columns.map(({ column, label, numeric }) =>
      sortHeader(label, column, 'data-column', () => this._model.sortBy(column), numeric)
    );
    return element('thead', {}, [element('tr', {}, headers)]);
  }

  private _renderBody(): void {
    this._updateSortIndicators();
    const rows = this._model.visibleRows.map(row => this._renderRow(row));
    this._rows.render(rows, this._emptyText, this._columns.length);
  }

  private _renderRow(row: FeatureRow): HTMLTableRowElement {
    const tr = selectableRow(
      'data-index',
      String(row.index),
      row.index === this._model.selected,
      this._columns.map(definition => cell(definition.format(row), definition.numeric))
    );
    tr.cells[0].classList.add('jp-ModelMonitor-featureName');
    // Long names are clipped with an ellipsis: the full name shows on hover.
    tr.cells[0].title = tr.cells[0].textContent ?? '';
    return tr;
  }

  private _showSelection(): void {
    for (const tr of Array.from(this._rows.body.rows)) {
      const selected = tr.getAttribute('data-index') === String(this._model.selected);
      tr.classList.toggle('jp-ModelMonitor-selected', selected);
      tr.setAttribute('aria-selected', String(selected));
    }
  }

  private _updateSortIndicators(): void {
    const sort = this._model.sort;
    for (const th of Array.from(this._table.tHead?.rows[0].cells ?? [])) {
      const sorted = sort?.column === th.getAttribute('data-column');
      th.setAttribute('aria-sort', sorted ? sort!.direction : 'none');
    }
  }

  private _columns: ColumnDefinition[];
  private _emptyText: string;
  private _table: HTMLTableElement;
  private _rows = new SelectableRows('data-index', index => this._model.select(Number(index)));
}
