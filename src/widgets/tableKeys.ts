/**
 * Keyboard moves between the focusable rows of a table body: ArrowUp/ArrowDown to the previous or
 * next row, Home/End to the first or last. Returns true when the key was one of them.
 */
export function moveRowFocus(event: KeyboardEvent, body: HTMLTableSectionElement): boolean {
  const rows = Array.from(body.querySelectorAll<HTMLTableRowElement>('tr[tabindex]'));
  const current = rows.indexOf((event.target as HTMLElement).closest('tr') as HTMLTableRowElement);
  if (current < 0 || rows.length === 0) {
    return false;
  }
  const targets: Record<string, number> = {
    ArrowDown: Math.min(current + 1, rows.length - 1),
    ArrowUp: Math.max(current - 1, 0),
    Home: 0,
    End: rows.length - 1
  };
  const target = targets[event.key];
  if (target === undefined) {
    return false;
  }
  event.preventDefault();
  for (const row of rows) {
    row.tabIndex = row === rows[target] ? 0 : -1;
  }
  rows[target].focus();
  return true;
}

/**
 * One tab stop per table (a roving tabindex): Tab reaches the focused row, else the selected one,
 * else the first; the arrow keys move between rows. Call after each render.
 */
export function keepOneTabStop(body: HTMLTableSectionElement): void {
  const rows = Array.from(body.querySelectorAll<HTMLTableRowElement>('tr[tabindex]'));
  const stop =
    rows.find(row => row === document.activeElement) ??
    rows.find(row => row.getAttribute('aria-selected') === 'true') ??
    rows[0];
  for (const row of rows) {
    row.tabIndex = row === stop ? 0 : -1;
  }
}

/** Enter or Space on a focused row opens (selects) it, as a click does. */
export function isActivation(event: Event): boolean {
  return (
    event.type === 'click' ||
    (event.type === 'keydown' && ['Enter', ' '].includes((event as KeyboardEvent).key))
  );
}
