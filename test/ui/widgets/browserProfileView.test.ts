import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { BrowserProfileModel } from '../../../src/models/BrowserProfileModel';
import { ViewerSettings } from '../../../src/models/ViewerSettings';
import { BrowserProfileView } from '../../../src/widgets/BrowserProfileView';
import { DoneMessage } from '../../../src/worker/protocol';
import { HOSTILE_NAME, statisticsDocument } from '../fixtures/documents';

// Vega does not run in jsdom; the chart is not what this test looks at.
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');

function diagnosticsText(file: string): string {
  return JSON.stringify({
    version: 1,
    records: 10,
    rejected: 1,
    rows: 9,
    errorRate: 0.1,
    counts: { column_count: 1 },
    examples: [{ kind: 'column_count', file, line: 7, message: 'expected 3 fields, found 1' }]
  });
}

function done(file: string): DoneMessage {
  return {
    type: 'done',
    statistics: JSON.stringify(statisticsDocument()),
    constraints: '{}',
    diagnostics: diagnosticsText(file),
    summary: {} as DoneMessage['summary'],
    context: 'worker'
  };
}

function createView(model: BrowserProfileModel) {
  const actions = {
    cancelled: 0,
    opened: [] as [string, number | null][],
    cancel: () => actions.cancelled++,
    save: async () => 'Saved',
    openAt: (file: string, line: number | null) => actions.opened.push([file, line])
  };
  const view = new BrowserProfileView(model, actions, new ViewerSettings(), trans);
  Widget.attach(view, document.body);
  return { view, actions };
}

describe('BrowserProfileView', () => {
  it('shows progress, and Cancel calls the action (the button survives updates)', () => {
    const model = new BrowserProfileModel('data/a.csv');
    const { view, actions } = createView(model);
    const cancel = view.node.querySelector<HTMLButtonElement>('button[data-action="cancel"]')!;
    model.setProgress({
      type: 'progress',
      bytesRead: 5_000_000,
      bytesTotal: 20_000_000,
      rows: 1234,
      phase: 'reading'
    });
    const bar = view.node.querySelector('progress')!;
    expect(bar.value / bar.max).toBeCloseTo(0.25);
    expect(view.node.textContent).toContain('Reading: 5 MB of 20 MB · 1,234 rows');
    expect(view.node.querySelector('button[data-action="cancel"]')).toBe(cancel);
    cancel.click();
    expect(actions.cancelled).toBe(1);
    model.setCancelled();
    expect(view.node.dataset.status).toBe('cancelled');
    expect(view.node.querySelector('progress')).toBeNull();
  });

  it('shows where it ran, the bad records as text with links to their lines, and the statistics', () => {
    const file = `data/${HOSTILE_NAME}.csv`;
    const model = new BrowserProfileModel(file);
    const { view, actions } = createView(model);
    model.setDone(done(file));
    expect(view.node.dataset.engineContext).toBe('worker');
    const cells = Array.from(view.node.querySelectorAll('.jp-ModelMonitor-diagnosticsTable td'));
    expect(cells.map(c => c.textContent)).toEqual([
      file,
      '7',
      'column_count',
      'expected 3 fields, found 1'
    ]);
    // The file is a link to its bad line, as in the other views' diagnostics (#18 item 20).
    view.node.querySelector<HTMLButtonElement>('.jp-ModelMonitor-diagnosticFile button')!.click();
    expect(actions.opened).toEqual([[file, 7]]);
    expect(view.node.querySelector('img')).toBeNull();
    expect(view.node.querySelector('.jp-ModelMonitor-statisticsView')).not.toBeNull();
  });

  it('shows why it failed, with the diagnostics read so far', () => {
    const model = new BrowserProfileModel('a.csv');
    const { view } = createView(model);
    model.setFailed('1 of 10 records could not be read', diagnosticsText('a.csv'));
    expect(view.node.textContent).toContain('Profiling failed: 1 of 10 records could not be read');
    expect(view.node.querySelectorAll('.jp-ModelMonitor-diagnosticsTable tbody tr')).toHaveLength(
      1
    );
    expect(view.node.querySelector('.jp-ModelMonitor-statisticsView')).toBeNull();
  });
});
