import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { recordsPerHourSpec } from '../../../src/charts/captureSpecs';
import {
  describeDiagnostic,
  hourlyRecords,
  sideCounts,
  timeRangeOf
} from '../../../src/models/captureSummary';
import { CaptureSummaryView } from '../../../src/widgets/CaptureSummaryView';
import { captureSummary as summary } from '../fixtures/captureSummary';
import { HOSTILE_NAME as HOSTILE } from '../fixtures/documents';

// Vega does not run in jsdom (the Galata test draws it for real): record the specs instead.
const drawn: any[] = [];
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async (host: HTMLElement, spec: any) => {
    drawn.push(spec);
    host.textContent = `chart of ${spec.description}`;
    return { resize: () => undefined, finalize: () => undefined };
  }
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');

describe('capture summary model', () => {
  it('fills the hours without captures with zeros, in time order', () => {
    expect(hourlyRecords(summary())).toEqual([
      { hour: '2026-11-01T13:00:00Z', records: 4 },
      { hour: '2026-11-01T14:00:00Z', records: 0 },
      { hour: '2026-11-01T15:00:00Z', records: 0 },
      { hour: '2026-11-01T16:00:00Z', records: 5 }
    ]);
  });

  it('does not fill a span of years, and copes with no hour folders', () => {
    const sparse = summary({ last_hour: '2029-01-01T00:00:00Z' });
    expect(hourlyRecords(sparse)).toHaveLength(2);
    expect(hourlyRecords(summary({ hours: [], first_hour: null, last_hour: null }))).toEqual([]);
  });

  it('merges both sides per value, most records first', () => {
    expect(sideCounts(summary().encodings)).toEqual([
      { value: 'CSV', input: 6, output: 7 },
      { value: 'JSON', input: 1, output: 0 }
    ]);
    expect(sideCounts({})).toEqual([]);
  });

  it('takes the time range from the records, else from the hour folders', () => {
    expect(timeRangeOf(summary())).toEqual({
      first: '2026-11-01T13:05:00Z',
      last: '2026-11-01T16:59:59Z',
      source: 'records'
    });
    const noTimes = summary({ first_inference_time: null, last_inference_time: null });
    expect(timeRangeOf(noTimes)?.source).toBe('folders');
    const nothing = { ...noTimes, first_hour: null, last_hour: null };
    expect(timeRangeOf(nothing)).toBeNull();
  });

  it('names problems as the CLI does', () => {
    const [first] = summary().diagnostics.examples;
    expect(describeDiagnostic({ ...first, file: 'a.jsonl' })).toBe('a.jsonl:7: x [malformed_json]');
    expect(
      describeDiagnostic({ kind: 'empty_input', file: null, line: null, message: 'no rows' })
    ).toBe('no rows [empty_input]');
  });
});

describe('recordsPerHourSpec', () => {
  const spec: any = recordsPerHourSpec(hourlyRecords(summary()), {
    hour: 'Hour',
    records: 'Records'
  });

  it('is one bar per UTC hour with the records as values only', () => {
    expect(spec.mark.type).toBe('bar');
    expect(spec.data.values).toHaveLength(4);
    expect(spec.encoding.x).toMatchObject({ field: 'hour', timeUnit: 'utcyearmonthdatehours' });
    expect(spec.encoding.y.field).toBe('records');
    expect(JSON.stringify(spec)).not.toMatch(/"(expr|signal|calculate|filter)"/);
  });
});

describe('CaptureSummaryView', () => {
  it('shows facts, a chart, counts, samples and diagnostics, all as text', async () => {
    const view = new CaptureSummaryView(trans);
    Widget.attach(view, document.body);
    view.showSummary(summary());
    await view.chart.rendered;
    const node = view.node;
    expect(node.querySelector('.jp-ModelMonitor-captureTitle')!.textContent).toBe(
      'captures/churn-endpoint'
    );
    const facts = [...node.querySelectorAll('.jp-ModelMonitor-facts dd')].map(d => d.textContent);
    expect(facts).toEqual([
      '3',
      '5 MB',
      '9',
      '2',
      '2',
      '2026-11-01 13:05:00 – 2026-11-01 16:59:59'
    ]);
    expect(node.querySelector('.jp-ModelMonitor-captureChart')!.textContent).toBe(
      'chart of Records'
    );
    expect(drawn.at(-1).data.values.map((v: any) => v.records)).toEqual([4, 0, 0, 5]);
    const counts = node.querySelectorAll('.jp-ModelMonitor-countsTable');
    expect(counts).toHaveLength(2);
    expect(counts[1].textContent).toContain(HOSTILE);
    const sample = node.querySelector('.jp-ModelMonitor-sampleData')!;
    expect(sample.textContent).toBe(
      `Input (CSV, text/csv): 1,${HOSTILE} (cut)\nOutput (CSV, text/csv): 0.5`
    );
    const rows = node.querySelectorAll('.jp-ModelMonitor-diagnosticsTable tbody tr');
    expect([...rows].map(r => [...r.children].map(c => c.textContent))).toEqual([
      [`2026/11/01/13/${HOSTILE}.jsonl`, '7', 'malformed_json', 'x'],
      ['2026/11/01/16/b.jsonl', '2', 'malformed_json', 'Expecting']
    ]);
    expect(node.querySelector('img')).toBeNull();
    view.dispose();
  });

  it('opens the file of a diagnostic at its line, relative to the server root', () => {
    const opened: [string, number | null][] = [];
    const view = new CaptureSummaryView(trans, (path, line) => opened.push([path, line]));
    Widget.attach(view, document.body);
    view.showSummary(summary());
    const buttons = view.node.querySelectorAll<HTMLButtonElement>(
      '.jp-ModelMonitor-diagnosticsTable .jp-ModelMonitor-linkButton'
    );
    expect(buttons).toHaveLength(2);
    expect(buttons[0].textContent).toBe(`2026/11/01/13/${HOSTILE}.jsonl`);
    buttons[1].click();
    expect(opened).toEqual([['captures/churn-endpoint/2026/11/01/16/b.jsonl', 2]]);
    view.dispose();
  });

  it('says so when there are no records or no problems, and shows errors', () => {
    const view = new CaptureSummaryView(trans);
    Widget.attach(view, document.body);
    view.showSummary(
      summary({ records: 0, files: 0, hours: [], diagnostics: { counts: {}, examples: [] } })
    );
    expect(view.node.textContent).toContain('No capture records');
    expect(view.node.querySelector('.jp-ModelMonitor-captureChart')).toBeNull();
    view.showSummary(summary({ diagnostics: { counts: {}, examples: [] }, truncated: true }));
    expect(view.node.textContent).toContain('No problems found.');
    expect(view.node.textContent).toContain('The scan stopped after 9 records.');
    view.showError('nowhere', 'no such file or folder: nowhere');
    expect(view.node.querySelector('[role="alert"]')!.textContent).toBe(
      'The captures could not be read: no such file or folder: nowhere'
    );
    expect(view.chart.isDisposed).toBe(false);
    view.dispose();
    expect(view.chart.isDisposed).toBe(true);
  });
});
