import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { StatisticsTableModel } from '../../../src/models/StatisticsTableModel';
import { ViewerSettings } from '../../../src/models/ViewerSettings';
import { ViolationsTableModel } from '../../../src/models/ViolationsTableModel';
import { StatisticsView } from '../../../src/widgets/StatisticsView';
import { ViolationsView } from '../../../src/widgets/ViolationsView';
import { readableDescription } from '../../../src/widgets/format';
import { HOSTILE_NAME, statisticsDocument, violationsDocument } from '../fixtures/documents';

// Vega does not run in jsdom: record the specs the chart is asked to draw instead.
const drawn: any[] = [];
const finalized: any[] = [];
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async (host: HTMLElement, spec: any) => {
    drawn.push(spec);
    host.textContent = `chart of ${spec.description}`;
    return { resize: () => undefined, finalize: () => finalized.push(spec) };
  }
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');

function attach<T extends Widget>(widget: T): T {
  Widget.attach(widget, document.body);
  return widget;
}

beforeEach(() => {
  drawn.length = 0;
  finalized.length = 0;
});

describe('StatisticsView', () => {
  function createView(settings = new ViewerSettings()) {
    return attach(
      new StatisticsView(new StatisticsTableModel(statisticsDocument()), settings, trans)
    );
  }

  const featureNames = (view: Widget) =>
    Array.from(view.node.querySelectorAll('.jp-ModelMonitor-featureName')).map(n => n.textContent);

  it('renders hostile names as text, never as HTML', async () => {
    const view = createView();
    await view.chart.rendered;
    expect(featureNames(view)).toEqual(['age', HOSTILE_NAME, 'constant']);
    expect(view.node.querySelector('img')).toBeNull();
    view.dispose();
  });

  it('counts the features the filter shows (#18 item 12)', () => {
    const view = createView();
    const summary = () => view.node.querySelector('.jp-ModelMonitor-summary')!.textContent;
    expect(summary()).toMatch(/^3 features/);
    const search = view.node.querySelector('.jp-ModelMonitor-search') as HTMLInputElement;
    search.value = 'ag';
    search.dispatchEvent(new Event('input'));
    expect(summary()).toMatch(/^1 of 3 features/);
    search.value = 'nothing-matches';
    search.dispatchEvent(new Event('input'));
    expect(summary()).toMatch(/^0 of 3 features/);
    view.dispose();
  });

  it('draws the first feature, then the clicked one', async () => {
    const view = createView();
    await view.chart.rendered;
    expect(drawn.map(s => s.description)).toEqual(['age']);
    const row = view.node.querySelector('tr[data-index="1"]') as HTMLElement;
    row.click();
    await view.chart.rendered;
    expect(drawn.map(s => s.description)).toEqual(['age', HOSTILE_NAME]);
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(view.node.querySelector('.jp-ModelMonitor-chartTitle')!.textContent).toBe(HOSTILE_NAME);
    expect(finalized.map(s => s.description)).toEqual(['age']);
    view.dispose();
    expect(finalized.map(s => s.description)).toEqual(['age', HOSTILE_NAME]);
  });

  it('selects a row with the keyboard', async () => {
    const view = createView();
    const row = view.node.querySelector('tr[data-index="2"]') as HTMLElement;
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(view.model.selected).toBe(2);
    view.dispose();
  });

  it('filters with the search box and sorts with the column headers', () => {
    const view = createView();
    const search = view.node.querySelector('.jp-ModelMonitor-search') as HTMLInputElement;
    search.value = 'const';
    search.dispatchEvent(new Event('input'));
    expect(featureNames(view)).toEqual(['constant']);
    search.value = 'nothing matches';
    search.dispatchEvent(new Event('input'));
    expect(view.node.querySelector('.jp-ModelMonitor-emptyRow')!.textContent).toContain(
      'No feature'
    );
    search.value = '';
    search.dispatchEvent(new Event('input'));

    const missingHeader = view.node.querySelector('th[data-column="missing"]')!;
    (missingHeader.querySelector('button') as HTMLButtonElement).click();
    (missingHeader.querySelector('button') as HTMLButtonElement).click();
    expect(missingHeader.getAttribute('aria-sort')).toBe('descending');
    expect(featureNames(view)).toEqual(['constant', 'age', HOSTILE_NAME]);
    view.dispose();
  });

  it('redraws with the chart settings and the measure selector', async () => {
    const settings = new ViewerSettings();
    const view = createView(settings);
    await view.chart.rendered;
    settings.update({ chartHeight: 300 });
    await view.chart.rendered;
    expect(drawn[drawn.length - 1].height).toBe(300);

    const select = view.node.querySelector('.jp-ModelMonitor-measure') as HTMLSelectElement;
    select.value = 'share';
    select.dispatchEvent(new Event('change'));
    await view.chart.rendered;
    expect(drawn[drawn.length - 1].encoding.y.field).toBe('share');
    view.dispose();
  });
});

describe('ViolationsView', () => {
  it('filters violations by check type and shows drift tests', () => {
    const view = attach(new ViolationsView(new ViolationsTableModel(violationsDocument()), trans));
    const rows = () => view.node.querySelectorAll('.jp-ModelMonitor-violationsTable tbody tr');
    expect(rows()).toHaveLength(3);
    expect(rows()[1].querySelector('td')!.textContent).toBe(HOSTILE_NAME);
    expect(view.node.querySelector('img')).toBeNull();

    const select = view.node.querySelector('.jp-ModelMonitor-checkFilter') as HTMLSelectElement;
    expect(Array.from(select.options).map(o => o.value)).toEqual([
      '',
      'data_type_check',
      'completeness_check'
    ]);
    const summary = () => view.node.querySelector('.jp-ModelMonitor-summary')!.textContent;
    expect(summary()).toBe('3 violations');
    select.value = 'completeness_check';
    select.dispatchEvent(new Event('change'));
    expect(rows()).toHaveLength(1);
    expect(summary()).toBe('1 of 3 violations'); // #18 item 12: the count follows the filter

    const drift = view.node.querySelectorAll('.jp-ModelMonitor-driftTable tbody tr');
    expect(Array.from(drift).map(r => r.lastElementChild!.textContent)).toEqual([
      'Drift',
      'No drift',
      'Skipped: not numeric'
    ]);

    const driftOnly = view.node.querySelector(
      '.jp-ModelMonitor-driftOnly input'
    ) as HTMLInputElement;
    // #18 item 18: which test decides, and what the others measure.
    expect(view.node.querySelector('.jp-ModelMonitor-driftGuide')!.textContent).toContain(
      'Violations come only from baseline_drift_check'
    );
    driftOnly.checked = true;
    driftOnly.dispatchEvent(new Event('change'));
    expect(view.node.querySelectorAll('.jp-ModelMonitor-driftTable tbody tr')).toHaveLength(1);
    view.dispose();
  });

  it('names the columns of a model-quality run: metric and comparison (#18 item 9)', () => {
    const headers = (violations: object[]) => {
      const view = attach(
        new ViolationsView(new ViolationsTableModel({ violations } as any), trans)
      );
      const text = [...view.node.querySelectorAll('.jp-ModelMonitor-violationsTable th')].map(
        th => th.textContent
      );
      view.dispose();
      return text;
    };
    const quality = {
      feature_name: 'auc',
      constraint_check_type: 'LessThanThreshold',
      description: 'Metric auc with 0.68 was LessThanThreshold 0.76'
    };
    expect(headers([quality])).toEqual(['Metric', 'Comparison', 'Description']);
    const drift = {
      ...quality,
      feature_name: 'age',
      constraint_check_type: 'baseline_drift_check'
    };
    expect(headers([drift])).toEqual(['Feature', 'Check', 'Description']);
  });

  it('says when there are no violations and omits the drift section without it', () => {
    const view = attach(new ViolationsView(new ViolationsTableModel({ violations: [] }), trans));
    expect(view.node.querySelector('.jp-ModelMonitor-emptyRow')!.textContent).toContain(
      'No violations'
    );
    expect(view.node.querySelector('.jp-ModelMonitor-driftTable')).toBeNull();
    view.dispose();
  });
});

describe('violation descriptions', () => {
  it('write long numbers as the tables do, the exact text on hover (#18 item 13)', () => {
    const description = 'Baseline drift distance: 0.32804872975747007 exceeds threshold: 0.1';
    expect(readableDescription(description)).toBe(
      'Baseline drift distance: 0.328049 exceeds threshold: 0.1'
    );
    expect(readableDescription('Data type match 0.9983 ≥ 1.0, 12345678.123456789 rows')).toBe(
      'Data type match 0.9983 ≥ 1.0, 12,345,700 rows'
    );
    const violations = {
      violations: [
        { feature_name: 'a', constraint_check_type: 'baseline_drift_check', description }
      ]
    };
    const view = attach(new ViolationsView(new ViolationsTableModel(violations as any), trans));
    const cellNode = view.node.querySelector(
      '.jp-ModelMonitor-violationsTable tbody td:last-child'
    )!;
    expect(cellNode.textContent).toBe('Baseline drift distance: 0.328049 exceeds threshold: 0.1');
    expect(cellNode.getAttribute('title')).toBe(description);
    view.dispose();
  });
});
