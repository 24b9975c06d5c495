import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { MetricHistory, MetricSegment } from '../../../src/api/types';
import { driftMatrix } from '../../../src/models/driftMatrix';
import { metricPoints } from '../../../src/models/metricHistory';
import { historySegments, segmentHistory } from '../../../src/models/metricSegments';
import { runLabels } from '../../../src/models/runLabels';
import { MetricHistoryView, RunFeature } from '../../../src/widgets/MetricHistoryView';

const charts: { spec: any; onClick?: (datum: Record<string, unknown>) => void }[] = [];
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async (_host: unknown, spec: unknown, onClick?: () => void) => {
    charts.push({ spec, onClick });
    return { resize: () => undefined, finalize: () => undefined };
  }
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');
const NORTH: MetricSegment = { by: 'region', kind: 'value', value: 'north' };
const SOUTH: MetricSegment = { by: 'region', kind: 'value', value: 'south' };
const MISSING: MetricSegment = { by: 'region', kind: 'missing', value: null };
const HOSTILE: MetricSegment = {
  by: 'region',
  kind: 'value',
  value: '<img src=x onerror=alert(1)>'
};

const point = (executionId: string, value: number) => ({
  execution_id: executionId,
  time: `2026-11-01T1${executionId.slice(1)}:00:00Z`,
  value
});
function series(
  metric: string,
  feature: string | null,
  points: ReturnType<typeof point>[],
  segment?: MetricSegment
) {
  const name = feature === null ? `dataset_${metric}` : `feature_${metric}_${feature}`;
  return { name, metric, feature, points, ...(segment ? { segment } : {}) };
}

/**
 * Two runs segmented by region: all data drifts in `age`; the north segment in `income` only
 * (with a violation in r2); the missing segment, seen only in r2, reports no drift.
 */
const HISTORY: MetricHistory = {
  monitor_id: 'segmented',
  series: [
    series('item_count', null, [point('r1', 100), point('r2', 100)]),
    series('baseline_drift', 'age', [point('r1', 0.4), point('r2', 0.5)]),
    series('violations', 'age', [point('r1', 1), point('r2', 1)]),
    series('item_count', null, [point('r2', 3)], MISSING),
    series('item_count', null, [point('r1', 60), point('r2', 55)], NORTH),
    series('violations', null, [point('r1', 0), point('r2', 1)], NORTH),
    series('baseline_drift', 'income', [point('r1', 0.2), point('r2', 0.7)], NORTH),
    series('violations', 'income', [point('r1', 0), point('r2', 1)], NORTH),
    series('violations', 'age', [point('r1', 0), point('r2', 0)], NORTH),
    series('item_count', null, [point('r1', 40), point('r2', 42)], SOUTH)
  ]
};
const label = (time: string) => time.slice(11, 16);

describe('segments in the metric history', () => {
  it('lists the segments of the history: values as first seen, then missing and other', () => {
    expect(historySegments(HISTORY)).toEqual([NORTH, SOUTH, MISSING]);
    expect(historySegments({ monitor_id: 'm', series: HISTORY.series.slice(0, 3) })).toEqual([]);
  });

  it("takes one segment's series, or all data's", () => {
    const names = (segment: MetricSegment | null) =>
      segmentHistory(HISTORY, segment).series.map(s => s.name);
    expect(names(null)).toEqual([
      'dataset_item_count',
      'feature_baseline_drift_age',
      'feature_violations_age'
    ]);
    expect(names(SOUTH)).toEqual(['dataset_item_count']);
  });

  it('draws the heatmap of all data unless a segment is asked for', () => {
    const runs = runLabels(HISTORY, label);
    const all = driftMatrix(HISTORY, runs);
    expect(all.features).toEqual(['age']);
    expect(all.cells.map(c => c.violated)).toEqual([true, true]);
    const north = driftMatrix(HISTORY, runs, NORTH);
    expect(north.features).toEqual(['income']);
    expect(north.cells.map(c => [c.run, c.drift, c.violated])).toEqual([
      ['11:00', 0.2, false],
      ['12:00', 0.7, true]
    ]);
    expect(driftMatrix(HISTORY, runs, MISSING).cells).toEqual([]);
  });

  it("marks a segment's points with the segment's violations, not all data's", () => {
    const northAge = { ...HISTORY.series[1], segment: NORTH };
    expect(metricPoints(HISTORY, northAge).map(p => p.violated)).toEqual([false, false]);
    expect(metricPoints(HISTORY, HISTORY.series[1]).map(p => p.violated)).toEqual([true, true]);
  });
});

describe('the segment selector of the metric history', () => {
  const open = () => {
    const view = new MetricHistoryView(HISTORY, trans);
    Widget.attach(view, document.body);
    const segment = view.node.querySelector<HTMLSelectElement>('.jp-ModelMonitor-segmentSelect')!;
    return { view, segment };
  };
  const choose = (select: HTMLSelectElement, text: string) => {
    select.value = [...select.options].find(o => o.text === text)!.value;
    select.dispatchEvent(new Event('change'));
  };
  const metrics = (view: Widget) =>
    [...view.node.querySelectorAll<HTMLOptionElement>('select[aria-label="Metric"] option')].map(
      o => o.textContent
    );

  it('offers all data, then each segment, grouped by column', () => {
    const { view, segment } = open();
    expect(segment.value).toBe('');
    expect([...segment.options].map(o => o.textContent)).toEqual([
      'All data',
      'north · ⚠ violations in 1 run',
      'south',
      '(missing)'
    ]);
    expect(segment.querySelector('optgroup')!.label).toBe('By region');
    expect(metrics(view)).toEqual(['dataset_item_count', 'violations', 'baseline_drift']);
    view.dispose();
  });

  it("shows a segment's heatmap and metrics, and opens its comparison from a cell", async () => {
    const { view, segment } = open();
    const asked: RunFeature[] = [];
    view.comparisonRequested.connect((_, request) => asked.push(request));
    const heatmapRows = () => (view.heatmap!.spec as any).encoding.y.sort;
    expect(heatmapRows()).toEqual(['age']);
    choose(segment, 'north · ⚠ violations in 1 run');
    expect(view.segment).toEqual(NORTH);
    expect(segment.classList).toContain('jp-mod-violations');
    expect(heatmapRows()).toEqual(['income']);
    // age's and income's violations, income's drift: north's own series.
    expect(metrics(view)).toEqual([
      'dataset_item_count',
      'dataset_violations',
      'violations',
      'violations',
      'baseline_drift'
    ]);
    expect(JSON.stringify(view.chart.spec)).toContain('"value":60');
    await new Promise(resolve => setTimeout(resolve, 50)); // the charts render asynchronously
    const heatmap = charts.filter(c => c.spec === view.heatmap!.spec).pop()!;
    heatmap.onClick!({ executionId: 'r2', feature: 'income' });
    expect(asked).toEqual([{ executionId: 'r2', feature: 'income', segment: NORTH }]);
    view.dispose();
  });

  it('says so when a segment reported no drift, and comes back to all data', () => {
    const { view, segment } = open();
    choose(segment, '(missing)');
    expect(view.heatmap).toBeNull();
    expect(view.node.querySelector('.jp-ModelMonitor-heatmapHeader p')!.textContent).toBe(
      "No drift reported in this segment's runs."
    );
    expect(view.node.querySelector('.jp-ModelMonitor-summary')!.textContent).toBe('1 run');
    choose(segment, 'All data');
    expect(view.segment).toBeNull();
    expect((view.heatmap!.spec as any).encoding.y.sort).toEqual(['age']);
    expect(view.node.querySelectorAll('.jp-ModelMonitor-segmentSelect')).toHaveLength(1);
    view.dispose();
  });

  it('has no selector without segments, and shows segment values as text', () => {
    const plain = new MetricHistoryView(
      { monitor_id: 'm', series: HISTORY.series.slice(0, 3) },
      trans
    );
    expect(plain.node.querySelector('.jp-ModelMonitor-segmentSelect')).toBeNull();
    plain.dispose();
    const hostile = new MetricHistoryView(
      {
        monitor_id: 'h',
        series: [...HISTORY.series, series('item_count', null, [point('r1', 1)], HOSTILE)]
      },
      trans
    );
    const options = [...hostile.node.querySelectorAll('.jp-ModelMonitor-segmentSelect option')];
    expect(options.map(o => o.textContent)).toContain(HOSTILE.value);
    expect(hostile.node.querySelector('img')).toBeNull();
    hostile.dispose();
  });
});
