import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ComparisonModel } from '../../../src/models/ComparisonModel';
import { StatisticsTableModel } from '../../../src/models/StatisticsTableModel';
import { ViolationsTableModel } from '../../../src/models/ViolationsTableModel';
import { ComparisonTable } from '../../../src/widgets/ComparisonTable';
import { FeaturesTable } from '../../../src/widgets/FeaturesTable';
import { ViolationsTable } from '../../../src/widgets/ViolationsTable';
import { HOSTILE_NAME, statisticsDocument, violationsDocument } from '../fixtures/documents';

const trans = nullTranslator.load('jupyterlab_model_monitor');

function attach<T extends Widget>(widget: T): T {
  Widget.attach(widget, document.body);
  return widget;
}

function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

function bodyRows(widget: Widget): HTMLTableRowElement[] {
  return Array.from(widget.node.querySelectorAll<HTMLTableRowElement>('tbody tr'));
}

function headerOf(widget: Widget, label: string): HTMLTableCellElement {
  const th = Array.from(widget.node.querySelectorAll('th')).find(
    node => node.textContent === label
  );
  if (!th) {
    throw new Error(`no header ${label}`);
  }
  return th;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FeaturesTable keyboard', () => {
  test('rows are focusable; arrows move, Enter and Space select', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    const table = attach(new FeaturesTable(model, trans));
    const rows = bodyRows(table);
    // One tab stop per table (#18 item 15): the selected row (the first here); arrows move.
    expect(rows.map(row => row.tabIndex)).toEqual(rows.map((_, i) => (i === 0 ? 0 : -1)));
    rows[0].focus();
    expect(press(rows[0], 'ArrowDown').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(rows[1]);
    expect(rows.map(row => row.tabIndex)).toEqual(rows.map((_, i) => (i === 1 ? 0 : -1)));
    press(rows[1], 'Enter');
    expect(model.selected).toBe(Number(rows[1].dataset.index));
    press(rows[1], 'End');
    const last = bodyRows(table).at(-1)!;
    expect(document.activeElement).toBe(last);
    press(last, ' ');
    expect(last.getAttribute('aria-selected')).toBe('true');
    press(last, 'Home');
    expect(document.activeElement).toBe(bodyRows(table)[0]);
  });

  test('sort headers are buttons and report aria-sort', () => {
    const model = new StatisticsTableModel(statisticsDocument());
    const table = attach(new FeaturesTable(model, trans));
    const th = table.node.querySelector('th[data-column="name"]')!;
    const button = th.querySelector('button')!;
    expect(button.type).toBe('button');
    button.click();
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    button.click();
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(table.node.querySelector('th[data-column="mean"]')!.getAttribute('aria-sort')).toBe(
      'none'
    );
    expect(table.node.querySelector('table')!.getAttribute('aria-label')).toBe('Features');
  });
});

describe('ViolationsTable keyboard', () => {
  test('Feature and Check sort, with aria-sort, and reverse on a second press', () => {
    const model = new ViolationsTableModel(violationsDocument());
    const table = attach(new ViolationsTable(model, trans));
    const feature = () => bodyRows(table).map(row => row.cells[0].textContent);
    expect(feature()).toEqual(['age', HOSTILE_NAME, 'income']);
    headerOf(table, 'Feature').querySelector('button')!.click();
    expect(headerOf(table, 'Feature').getAttribute('aria-sort')).toBe('ascending');
    expect(feature()).toEqual([HOSTILE_NAME, 'age', 'income']);
    headerOf(table, 'Feature').querySelector('button')!.click();
    expect(headerOf(table, 'Feature').getAttribute('aria-sort')).toBe('descending');
    expect(feature()).toEqual(['income', 'age', HOSTILE_NAME]);
    headerOf(table, 'Check').querySelector('button')!.click();
    expect(headerOf(table, 'Feature').getAttribute('aria-sort')).toBe('none');
    expect(bodyRows(table).map(row => row.cells[1].textContent)).toEqual([
      'completeness_check',
      'data_type_check',
      'data_type_check'
    ]);
    expect(table.node.querySelector('img')).toBeNull();
  });

  test('rows are focusable, arrows move, Enter selects and keeps focus', () => {
    const model = new ViolationsTableModel(violationsDocument());
    const table = attach(new ViolationsTable(model, trans));
    const rows = bodyRows(table);
    expect(rows.filter(row => row.tabIndex === 0)).toHaveLength(1); // one tab stop
    rows[0].focus();
    press(rows[0], 'ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    press(rows[1], 'Enter');
    expect(model.selected).toBe(1);
    const selected = bodyRows(table)[1];
    expect(selected.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(selected);
    press(selected, 'ArrowUp');
    expect(document.activeElement).toBe(bodyRows(table)[0]);
  });
});

describe('ComparisonTable keyboard', () => {
  function comparison() {
    const baseline = statisticsDocument();
    return new ComparisonModel(baseline, statisticsDocument(), violationsDocument());
  }

  test('sortable headers report aria-sort: drift largest first, names A to Z', () => {
    const model = comparison();
    const table = attach(new ComparisonTable(model, trans));
    const drift = table.node.querySelector('th[data-sort="drift"]')!;
    const name = table.node.querySelector('th[data-sort="name"]')!;
    expect(drift.getAttribute('aria-sort')).toBe('descending');
    expect(name.getAttribute('aria-sort')).toBe('none');
    name.querySelector('button')!.click();
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(drift.getAttribute('aria-sort')).toBe('none');
  });

  test('arrows move between rows, Space opens the focused feature', () => {
    const model = comparison();
    const table = attach(new ComparisonTable(model, trans));
    const rows = bodyRows(table);
    rows[0].focus();
    press(rows[0], 'ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    press(rows[1], ' ');
    expect(model.selected?.name).toBe(rows[1].dataset.feature);
    expect(document.activeElement).toBe(bodyRows(table)[1]);
    expect(bodyRows(table)[1].getAttribute('aria-selected')).toBe('true');
  });
});
