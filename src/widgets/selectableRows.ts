import { element } from './dom';
import { isActivation, keepOneTabStop, moveRowFocus } from './tableKeys';

/**
 * The body of a table whose rows are selected by a click, Enter or Space, with one tab stop and the
 * arrow keys between rows (tableKeys.ts). Each row carries its key in `attribute`; a render keeps
 * the keyboard focus on the row of the same key.
 */
export class SelectableRows {
  readonly body = element('tbody');

  constructor(
    private readonly attribute: string,
    private readonly onSelect: (key: string) => void
  ) {
    const listener = (event: Event): void => this.handle(event);
    this.body.addEventListener('click', listener);
    this.body.addEventListener('keydown', listener);
  }

  /** Shows `rows`, or one row saying `emptyText` across `columns` cells when there are none. */
  render(rows: HTMLTableRowElement[], emptyText: string, columns: number): void {
    const focused = (document.activeElement as HTMLElement | null)?.closest?.(this.rowSelector);
    const focusedKey =
      focused && this.body.contains(focused) ? focused.getAttribute(this.attribute) : null;
    this.body.replaceChildren(...(rows.length > 0 ? rows : [emptyRow(emptyText, columns)]));
    if (focusedKey !== null) {
      Array.from(this.body.rows)
        .find(tr => tr.getAttribute(this.attribute) === focusedKey)
        ?.focus();
    }
    keepOneTabStop(this.body);
  }

  private handle(event: Event): void {
    const row = (event.target as HTMLElement).closest?.(this.rowSelector);
    if (!row || (event.type === 'keydown' && moveRowFocus(event as KeyboardEvent, this.body))) {
      return;
    }
    if (isActivation(event)) {
      event.preventDefault();
      this.onSelect(row.getAttribute(this.attribute)!);
    }
  }

  private get rowSelector(): string {
    return `tr[${this.attribute}]`;
  }
}

/** A row for `SelectableRows`, its key in `attribute`; a selected row is marked as such. */
export function selectableRow(
  attribute: string,
  key: string,
  selected: boolean,
  cells: HTMLTableCellElement[]
): HTMLTableRowElement {
  return element(
    'tr',
    {
      className: selected ? 'jp-ModelMonitor-selected' : undefined,
      attributes: { [attribute]: key, tabindex: '0', 'aria-selected': String(selected) }
    },
    cells
  );
}

/**
 * A column header whose button sorts by `key`; `attribute` (on the header and its button) names
 * the key for the sort indicators.
 */
export function sortHeader(
  label: string,
  key: string,
  attribute: string,
  onSort: () => void,
  numeric = false
): HTMLTableCellElement {
  const button = element('button', {
    className: 'jp-ModelMonitor-sortButton',
    text: label,
    attributes: { type: 'button', [attribute]: key }
  });
  button.addEventListener('click', onSort);
  return element(
    'th',
    {
      className: numeric ? 'jp-ModelMonitor-numeric' : undefined,
      attributes: { scope: 'col', [attribute]: key }
    },
    [button]
  );
}

function emptyRow(text: string, columns: number): HTMLTableRowElement {
  const td = element('td', {
    className: 'jp-ModelMonitor-emptyRow',
    text,
    attributes: { colspan: String(columns) }
  });
  return element('tr', {}, [td]);
}
