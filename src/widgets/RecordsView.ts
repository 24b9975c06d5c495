import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';

import { RecordQuery, RecordRow } from '../api/records';
import { RecordsModel } from '../models/RecordsModel';
import { cell, element } from './dom';
import { formatCount, formatNumber } from './format';
import { keepOneTabStop, moveRowFocus } from './tableKeys';

/**
 * The rows behind a number, a page at a time: where each is (file and line, a link that opens the
 * capture file there; the event id), the queried feature first, then the other columns.
 */
export class RecordsView extends Widget {
  constructor(
    readonly model: RecordsModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-recordsView');
    this.node.append(this._heading, this._status, this._toolbar(), this._tableBox);
    this._heading.textContent = describeQuery(model.query, _trans);
    this._body.addEventListener('keydown', event => moveRowFocus(event, this._body));
    model.changed.connect(this._render, this);
    this._render();
  }

  /** Emitted with a row's file and line when its link is followed. */
  get openRequested(): ISignal<this, { file: string; line: number }> {
    return this._openRequested;
  }

  /** Emitted when "Open in notebook" is pressed. */
  get notebookRequested(): ISignal<this, void> {
    return this._notebookRequested;
  }

  private _toolbar(): HTMLElement {
    const trans = this._trans;
    this._previous.textContent = trans.__('Previous');
    this._next.textContent = trans.__('Next');
    this._notebook.textContent = trans.__('Open in notebook');
    this._notebook.title = trans.__('Insert a cell that loads these rows into a pandas DataFrame');
    this._previous.addEventListener('click', () => void this.model.previous());
    this._next.addEventListener('click', () => void this.model.next());
    this._notebook.addEventListener('click', () => this._notebookRequested.emit());
    return element('div', { className: 'jp-ModelMonitor-toolbar jp-ModelMonitor-recordsToolbar' }, [
      this._previous,
      this._range,
      this._next,
      element('span', { className: 'jp-ModelMonitor-spacer' }),
      this._notebook
    ]);
  }

  private _render(): void {
    const { model } = this;
    const trans = this._trans;
    const page = model.page;
    this._previous.disabled = model.loading || !model.hasPrevious;
    this._next.disabled = model.loading || !model.hasNext;
    this._notebook.disabled = model.loading || !page || page.written === 0;
    this._status.classList.toggle('jp-mod-error', model.error !== null);
    if (model.error !== null) {
      this._status.textContent = model.error;
    } else if (!page) {
      this._status.textContent = trans.__('Reading the run’s input…');
    } else {
      this._status.textContent = summaryText(page, trans);
    }
    this._range.textContent =
      page && page.rows.length > 0
        ? trans.__(
            'Rows %1–%2 of %3',
            formatCount(page.offset + 1),
            formatCount(page.offset + page.rows.length),
            formatCount(page.written)
          )
        : '';
    this._renderTable();
  }

  private _renderTable(): void {
    const { model } = this;
    const columns = model.columns;
    const trans = this._trans;
    const head = element('tr', {}, [
      element('th', { text: trans.__('File') }),
      element('th', { text: trans.__('Line') }),
      element('th', { text: trans.__('Event id') }),
      ...columns.map(name =>
        element('th', {
          text: name,
          className: name === model.query.feature ? 'jp-ModelMonitor-queried' : undefined
        })
      )
    ]);
    this._head.replaceChildren(head);
    this._body.replaceChildren(...model.rows.map(row => this._row(row, columns)));
    keepOneTabStop(this._body);
  }

  private _row(row: RecordRow, columns: string[]): HTMLTableRowElement {
    const link = element('button', {
      className: 'jp-ModelMonitor-linkButton',
      text: shortPath(row._file),
      title: this._trans.__('Open %1 at line %2', row._file, row._line),
      attributes: { type: 'button' }
    });
    link.addEventListener('click', () =>
      this._openRequested.emit({ file: row._file, line: row._line })
    );
    return element('tr', { attributes: { tabindex: '-1', 'data-line': String(row._line) } }, [
      element(
        'td',
        { className: 'jp-ModelMonitor-recordFile', attributes: { 'data-file': row._file } },
        [link]
      ),
      cell(String(row._line), true),
      cell(row._event_id ?? ''),
      ...columns.map(name => valueCell(row[name], name === this.model.query.feature))
    ]);
  }

  private _heading = element('h3', { className: 'jp-ModelMonitor-chartTitle' });
  private _status = element('p', {
    className: 'jp-ModelMonitor-lead jp-ModelMonitor-recordsStatus'
  });
  private _previous = element('button', { className: 'jp-Button jp-mod-styled' });
  private _next = element('button', { className: 'jp-Button jp-mod-styled' });
  private _notebook = element('button', { className: 'jp-Button jp-mod-styled jp-mod-accept' });
  private _range = element('span', { className: 'jp-ModelMonitor-recordsRange' });
  private _head = element('thead');
  private _body = element('tbody');
  private _tableBox = element('div', { className: 'jp-ModelMonitor-tableBox' }, [
    element('table', { className: 'jp-ModelMonitor-table jp-ModelMonitor-recordsTable' }, [
      this._head,
      this._body
    ])
  ]);
  private _openRequested = new Signal<this, { file: string; line: number }>(this);
  private _notebookRequested = new Signal<this, void>(this);
}

/** Characters of a file path shown (the table's cells are at most 40 wide). */
const SHOWN_PATH_CHARS = 38;
const SHOWN_NAME_CHARS = 20;

/**
 * A long path as its last folders and the start and end of its file name: capture files differ
 * in their hour folders and the time their names start with, not in their shared beginning.
 */
export function shortPath(path: string): string {
  if (path.length <= SHOWN_PATH_CHARS) {
    return path;
  }
  const parts = path.split('/');
  let name = parts.pop() ?? '';
  if (name.length > SHOWN_NAME_CHARS) {
    name = `${name.slice(0, SHOWN_NAME_CHARS - 7)}…${name.slice(-6)}`;
  }
  let shown = name;
  while (
    parts.length > 0 &&
    shown.length + parts[parts.length - 1].length + 3 <= SHOWN_PATH_CHARS
  ) {
    shown = `${parts.pop()}/${shown}`;
  }
  return parts.length > 0 ? `…/${shown}` : shown;
}

function valueCell(
  value: string | number | null | undefined,
  queried: boolean
): HTMLTableCellElement {
  const td =
    value === null || value === undefined
      ? element('td', { className: 'jp-ModelMonitor-missing', text: '—' })
      : typeof value === 'number'
        ? cell(formatNumber(value), true)
        : cell(value);
  if (queried) {
    td.classList.add('jp-ModelMonitor-queried');
  }
  return td;
}

function summaryText(
  page: { records: number; matched: number; written: number; truncated: boolean },
  trans: TranslationBundle
): string {
  const base = trans.__(
    '%1 of the run’s %2 input records match.',
    formatCount(page.matched),
    formatCount(page.records)
  );
  return page.truncated
    ? `${base} ${trans.__('The first %1 are listed.', formatCount(page.written))}`
    : base;
}

/** What the query asks for, in words: the view's heading and the notebook cell's comment. */
export function describeQuery(query: RecordQuery, trans: TranslationBundle): string {
  const feature = query.feature;
  switch (query.match) {
    case 'bin':
      return trans.__(
        '%1 in %2 (a histogram bin)',
        feature,
        `[${formatNumber(query.lower)}, ${formatNumber(query.upper)}${query.includeUpper ? ']' : ')'}`
      );
    case 'outside_range':
      return trans.__('%1 outside the baseline’s range', feature);
    case 'unseen_category':
      return trans.__('%1 in categories the baseline never saw', feature);
    case 'missing':
      return trans.__('%1 missing', feature);
    case 'wrong_type':
      return trans.__('%1 not of the baseline’s type', feature);
  }
}
