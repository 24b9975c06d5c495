import { Contents } from '@jupyterlab/services';
import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { SegmentsIndex } from '../../../src/engine/pipeline/segmentsIndex';
import {
  ComparisonPaths,
  loadComparison,
  loadSegments,
  segmentPaths
} from '../../../src/models/loadComparison';
import { ComparisonView } from '../../../src/widgets/ComparisonView';
import { fixtureStatistics, shiftedStatistics } from '../fixtureStatistics';

jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');
const PATHS: ComparisonPaths = {
  baseline: 'baseline/statistics.json',
  current: 'runs/late/statistics.json'
};

/** A run segmented by city (docs/cli.md, Segments): north, the missing segment, other. */
const RUN_INDEX = {
  version: 1,
  segment_by: 'city',
  max_segments: 2,
  segments: [
    { kind: 'value', value: 'north', folder: 'segments/01-north', item_count: 7, violations: 1, baseline: 'segment' },
    { kind: 'missing', value: null, folder: 'segments/02-missing', item_count: 2, violations: 1, baseline: 'overall' },
    { kind: 'other', value: null, folder: 'segments/other', item_count: 4, violations: 0, baseline: 'overall' }
  ]
}; // prettier-ignore
const BASELINE_INDEX = {
  version: 1,
  segment_by: 'city',
  max_segments: 20,
  segments: [
    { kind: 'value', value: 'south', folder: 'segments/01-south', item_count: 5 },
    { kind: 'value', value: 'north', folder: 'segments/02-north', item_count: 3 },
    { kind: 'missing', value: null, folder: 'segments/03-missing', item_count: 1 }
  ]
}; // prettier-ignore

function withItems(document: any, items: number) {
  return { ...document, dataset: { item_count: items } };
}

const drift = (feature: string) => ({
  violations: [
    {
      feature_name: feature,
      constraint_check_type: 'baseline_drift_check',
      description: 'Baseline drift distance: 0.9 exceeds threshold: 0.1'
    }
  ]
});

/** The files of the run and its baseline; the missing segment has only its violations. */
function files(): Record<string, unknown> {
  return {
    'baseline/statistics.json': fixtureStatistics(),
    'baseline/segments.json': BASELINE_INDEX,
    'baseline/segments/02-north/statistics.json': withItems(fixtureStatistics(), 3),
    'baseline/segments/02-north/constraints.json': {
      version: 0,
      features: [],
      monitoring_config: { distribution_constraints: { comparison_threshold: 0.5 } }
    },
    'baseline/segments/03-missing/statistics.json': withItems(fixtureStatistics(), 1),
    'runs/late/statistics.json': shiftedStatistics('age', 30),
    'runs/late/constraint_violations.json': drift('age'),
    'runs/late/segments.json': RUN_INDEX,
    'runs/late/segments/01-north/statistics.json': withItems(shiftedStatistics('income', 1e6), 7),
    'runs/late/segments/01-north/constraint_violations.json': drift('income'),
    'runs/late/segments/02-missing/constraint_violations.json': drift('Missing columns'),
    'runs/late/segments/other/statistics.json': withItems(fixtureStatistics(), 4)
  };
}

/** The contents manager over `files`, listing the paths read; `slow` ones wait for `gate`. */
function contents(
  stored: Record<string, unknown>,
  reads: string[] = [],
  slow = '',
  gate?: Promise<void>
): Contents.IManager {
  return {
    get: async (path: string) => {
      reads.push(path);
      if (slow && path.includes(slow)) {
        await gate;
      }
      if (!(path in stored)) {
        throw new Error(`404 ${path}`);
      }
      return { content: JSON.stringify(stored[path]) };
    }
  } as unknown as Contents.IManager;
}

async function load(
  stored = files(),
  paths = PATHS,
  reads: string[] = [],
  slow = '',
  gate?: Promise<void>
) {
  const manager = contents(stored, reads, slow, gate);
  const all = await loadComparison(manager, paths);
  return { all, segments: (await loadSegments(manager, paths, all))! };
}

const items = (view: { model: { current: { dataset?: { item_count?: number } } } }) =>
  view.model.current.dataset?.item_count;

describe('a segmented run in the comparison', () => {
  it('has no segments without a segments.json beside the current statistics', async () => {
    const stored = files();
    delete stored['runs/late/segments.json'];
    const manager = contents(stored);
    const all = await loadComparison(manager, PATHS);
    expect(await loadSegments(manager, PATHS, all)).toBeNull();
    stored['runs/late/segments.json'] = { version: 1, segments: 'not a list' };
    expect(await loadSegments(manager, PATHS, all)).toBeNull();
  });

  it("compares a segment with the baseline's segment of the same value, and its settings", async () => {
    const { segments } = await load();
    await segments.select(segments.find({ kind: 'value', value: 'north' })!);
    const { model, paths, baseline } = segments.current;
    expect(baseline).toBe('segment');
    expect(paths).toMatchObject({
      current: 'runs/late/segments/01-north/statistics.json',
      violations: 'runs/late/segments/01-north/constraint_violations.json',
      baseline: 'baseline/segments/02-north/statistics.json',
      constraints: 'baseline/segments/02-north/constraints.json'
    });
    expect(items({ model })).toBe(7);
    expect(model.baseline.dataset?.item_count).toBe(3);
    expect(model.threshold).toBe(0.5);
    expect(model.features.find(f => f.drifted)?.name).toBe('income');
  });

  it('uses the overall baseline as the run did, or when the baseline has no such segment', async () => {
    const { segments } = await load();
    // The run compared its missing segment with the whole baseline (--segment-baseline overall).
    const missing = segments.find({ kind: 'missing', value: null })!;
    const other = segments.find({ kind: 'other', value: null })!;
    await segments.select(other);
    expect(segments.current.baseline).toBe('overall');
    expect(segments.current.paths.baseline).toBe('baseline/statistics.json');
    expect(segments.current.paths.constraints).toBeUndefined();
    expect(items(segments.current)).toBe(4);

    const stored = files();
    stored['baseline/segments.json'] = { ...BASELINE_INDEX, segments: [] };
    const alone = (await load(stored)).segments;
    await alone.select(alone.find({ kind: 'value', value: 'north' })!);
    expect(alone.current.baseline).toBe('overall');
    expect(alone.current.paths.baseline).toBe('baseline/statistics.json');

    // The baseline has a missing segment, but the run compared its own with the whole baseline.
    const index = BASELINE_INDEX as SegmentsIndex;
    expect(segmentPaths(PATHS, missing, index).baseline).toBe('overall');
    const own = segmentPaths(PATHS, { ...missing, baseline: 'segment' }, index);
    expect(own.paths.baseline).toBe('baseline/segments/03-missing/statistics.json');
    // Without the run's word (a baseline compared with a baseline): by value.
    const { baseline: _, ...unsaid } = missing;
    expect(segmentPaths(PATHS, unsaid, index).baseline).toBe('segment');
    expect(segmentPaths(PATHS, { ...other, baseline: 'segment' }, index).baseline).toBe('overall');
  });

  it('says why a segment without statistics cannot be shown, and keeps the last one', async () => {
    const { all, segments } = await load();
    await segments.select(segments.find({ kind: 'missing', value: null })!);
    expect(segments.error).toMatchObject({
      path: 'runs/late/segments/02-missing/statistics.json',
      reason: 'unreadable'
    });
    expect(segments.current.model).toBe(all);
    await segments.select(null);
    expect(segments.error).toBeNull();
  });

  it('keeps the selected feature, reads a segment once, and shows the last segment chosen', async () => {
    const reads: string[] = [];
    let open = () => {};
    const gate = new Promise<void>(resolve => (open = resolve));
    const { all, segments } = await load(files(), PATHS, reads, '01-north', gate);
    all.select('city');
    const north = segments.find({ kind: 'value', value: 'north' })!;
    const other = segments.find({ kind: 'other', value: null })!;
    // North's files come after other's: it was chosen first, so other stays shown.
    const first = segments.select(north);
    await segments.select(other);
    open();
    await first;
    expect(segments.selected).toBe(other);
    expect(items(segments.current)).toBe(4);
    expect(segments.current.model.selected?.name).toBe('city');
    await segments.select(north);
    await segments.select(north);
    const northReads = reads.filter(path => path.includes('01-north/statistics'));
    expect(northReads).toHaveLength(1);
    expect(segments.find({ kind: 'value', value: 'north', by: 'region' })).toBeUndefined();
  });
});

describe('the comparison view of a segmented run', () => {
  async function view() {
    const { all, segments } = await load();
    const widget = new ComparisonView(all, PATHS, trans, true, segments);
    Widget.attach(widget, document.body);
    return { widget, segments };
  }
  const select = (widget: Widget) =>
    widget.node.querySelector<HTMLSelectElement>('.jp-ModelMonitor-segmentSelect')!;
  const choose = async (widget: Widget, value: string) => {
    select(widget).value = value;
    select(widget).dispatchEvent(new Event('change'));
    await new Promise(resolve => setTimeout(resolve, 0));
  };
  const note = (widget: Widget) =>
    widget.node.querySelector('.jp-ModelMonitor-segmentNote')!.textContent;

  it('offers all data and each segment with its rows and violations', async () => {
    const { widget } = await view();
    const options = [...select(widget).options];
    expect(options.map(o => o.textContent)).toEqual([
      'All data · 500 rows · ⚠ 1 violation',
      'north · 7 rows · ⚠ 1 violation',
      '(missing) · 2 rows · ⚠ 1 violation',
      '(other values) · 4 rows'
    ]);
    expect(options.map(o => o.dataset.violations)).toEqual(['1', '1', '1', '0']);
    expect(widget.node.querySelector('.jp-ModelMonitor-segmentLabel')!.textContent).toContain(
      'Segment by city'
    );
    expect(note(widget)).toBe('');
    widget.dispose();
  });

  it("shows a segment's numbers and which baseline it is compared with", async () => {
    const { widget } = await view();
    const drifted = () =>
      [...widget.node.querySelectorAll('td.jp-ModelMonitor-drifted')].map(
        td => td.closest('tr')!.dataset.feature
      );
    expect(drifted()).toEqual(['age']);
    expect(widget.node.querySelectorAll('.jp-ModelMonitor-recordsButton').length).toBeGreaterThan(
      0
    );
    await choose(widget, '0');
    expect(drifted()).toEqual(['income']);
    expect(note(widget)).toBe("compared with the baseline's segment");
    expect(widget.node.querySelector('.jp-ModelMonitor-comparedFiles')!.textContent).toContain(
      'Current: runs/late/segments/01-north/statistics.json'
    );
    // The records query reads the whole run: a segment offers none.
    expect(widget.node.querySelectorAll('.jp-ModelMonitor-recordsButton')).toHaveLength(0);
    expect(select(widget).classList).toContain('jp-mod-violations');
    await choose(widget, '2');
    expect(note(widget)).toBe('compared with the overall baseline');
    expect(select(widget).classList).not.toContain('jp-mod-violations');
    await choose(widget, '1');
    expect(widget.node.querySelector('.jp-ModelMonitor-message')!.textContent).toBe(
      'runs/late/segments/02-missing/statistics.json could not be read.'
    );
    expect(widget.node.querySelector('.jp-ModelMonitor-comparisonTable')).toBeNull();
    // Back to the segment shown before: its comparison again, not the message.
    await choose(widget, '2');
    expect(widget.node.querySelector('.jp-ModelMonitor-message')).toBeNull();
    expect(note(widget)).toBe('compared with the overall baseline');
    await choose(widget, 'all');
    expect(drifted()).toEqual(['age']);
    expect(widget.node.querySelectorAll('.jp-ModelMonitor-segmentBar')).toHaveLength(1);
    widget.dispose();
  });

  it('opens at the segment asked for', async () => {
    const { all, segments } = await load();
    await segments.select(segments.find({ kind: 'value', value: 'north', by: 'city' })!);
    const widget = new ComparisonView(all, PATHS, trans, true, segments);
    Widget.attach(widget, document.body);
    expect(select(widget).value).toBe('0');
    expect(widget.model).toBe(segments.current.model);
    expect(widget.segment?.value).toBe('north');
    widget.dispose();
  });

  it('shows segment values from the files as text', async () => {
    const stored = files();
    const hostile = '<img src=x onerror=alert(1)>';
    stored['runs/late/segments.json'] = {
      ...RUN_INDEX,
      segment_by: hostile,
      segments: [{ ...RUN_INDEX.segments[0], value: hostile }]
    };
    const { all, segments } = await load(stored);
    const widget = new ComparisonView(all, PATHS, trans, true, segments);
    Widget.attach(widget, document.body);
    expect(select(widget).options[1].textContent).toContain(hostile);
    expect(widget.node.querySelector('img')).toBeNull();
    widget.dispose();
  });
});
