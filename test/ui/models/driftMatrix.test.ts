import { MetricHistory } from '../../../src/api/types';
import { driftHeatmapSpec, metricHistorySpec } from '../../../src/charts/metricSpecs';
import { metricPoints } from '../../../src/models/metricHistory';
import { runLabels } from '../../../src/models/runLabels';
import { driftMatrix } from '../../../src/models/driftMatrix';
import { driftThresholds } from '../../../src/models/driftThresholds';

const point = (executionId: string, time: string, value: number) => ({
  execution_id: executionId,
  time,
  value
});
const series = (metric: string, feature: string | null, points: ReturnType<typeof point>[]) => ({
  name: feature === null ? `dataset_${metric}` : `feature_${metric}_${feature}`,
  metric,
  feature,
  points
});

/** Three runs: two over the same window (a re-run), one later; `age` drifts more than `city`. */
const HISTORY: MetricHistory = {
  monitor_id: 'm',
  series: [
    series('item_count', null, [
      point('r1', '2026-11-01T18:00:00Z', 100),
      point('r2', '2026-11-01T18:00:00Z', 100),
      point('r3', '2026-11-01T19:00:00Z', 100),
      point('r0', '2026-11-01T17:00:00Z', 100)
    ]),
    series('baseline_drift', 'city', [point('r1', '2026-11-01T18:00:00Z', 0.2)]),
    series('baseline_drift', 'age', [
      point('r1', '2026-11-01T18:00:00Z', 0.5),
      point('r2', '2026-11-01T18:00:00Z', 0.6),
      point('r3', '2026-11-01T19:00:00Z', 0.9)
    ]),
    series('violations', 'age', [
      point('r1', '2026-11-01T18:00:00Z', 1),
      point('r2', '2026-11-01T18:00:00Z', 0),
      point('r3', '2026-11-01T19:00:00Z', 2)
    ])
  ]
};

const label = (time: string) => time.slice(11, 16);

describe('driftMatrix', () => {
  it('has a column per run with drift (re-runs numbered), rows by largest drift', () => {
    const matrix = driftMatrix(HISTORY, runLabels(HISTORY, label));
    // r0 reported no drift: no column.
    expect(matrix.runs).toEqual(['18:00', '18:00 (2)', '19:00']);
    expect(matrix.features).toEqual(['age', 'city']);
    expect(matrix.cells).toContainEqual({
      feature: 'age',
      run: '18:00 (2)',
      executionId: 'r2',
      time: '2026-11-01T18:00:00Z',
      drift: 0.6,
      violated: false
    });
    const flagged = matrix.cells.filter(c => c.violated).map(c => `${c.feature}@${c.executionId}`);
    expect(flagged).toEqual(['age@r1', 'age@r3']);
  });

  it('is empty without drift series', () => {
    const history = { monitor_id: 'm', series: HISTORY.series.slice(0, 1) };
    expect(driftMatrix(history, runLabels(history, label))).toEqual({
      cells: [],
      runs: [],
      features: []
    });
  });

  it('draws runs and features in the matrix order, outlining reported violations', () => {
    const matrix = driftMatrix(HISTORY, runLabels(HISTORY, label));
    const labels = { run: 'Run', feature: 'Feature', drift: 'Drift', violated: 'Violation' };
    const spec = driftHeatmapSpec(matrix, labels) as any;
    expect(spec.encoding.x.sort).toEqual(matrix.runs);
    expect(spec.encoding.y.sort).toEqual(['age', 'city']);
    expect(spec.encoding.stroke.condition.test).toBe('datum.violated');
    const values = spec.data.values as { executionId: string; flag: string }[];
    expect(values.find(v => v.executionId === 'r3')!.flag).toBe('Violation');
    expect(spec.height).toBe(60);
  });
});

describe('driftThresholds', () => {
  it('gives String features the categorical threshold and the others the numeric one', () => {
    const constraints = {
      version: 0,
      features: [
        { name: 'age', inferred_type: 'Integral' as const },
        { name: 'city', inferred_type: 'String' as const }
      ],
      monitoring_config: {
        distribution_constraints: {
          comparison_threshold: 0.3,
          categorical_comparison_threshold: 0.05
        }
      }
    } as any;
    expect(driftThresholds(constraints)).toEqual({ age: 0.3, city: 0.05 });
    expect(driftThresholds({ ...constraints, monitoring_config: undefined })).toEqual({
      age: 0.1,
      city: 0.1
    });
  });
});

describe('metric charts over runs', () => {
  it('keep runs over the same window apart, oldest first', () => {
    const runs = runLabels(HISTORY, label);
    expect([...runs.values()]).toEqual(['17:00', '18:00', '18:00 (2)', '19:00']);
    const series = HISTORY.series.find(s => s.name === 'feature_baseline_drift_age')!;
    const points = metricPoints(HISTORY, series, runs);
    const labels = { time: 'Run', value: 'V', violations: 'bad', none: 'ok' };
    const spec = metricHistorySpec('drift', points, labels) as any;
    const x = spec.layer[0].encoding.x;
    expect(x).toMatchObject({
      field: 'run',
      type: 'ordinal',
      sort: ['18:00', '18:00 (2)', '19:00']
    });
    // Without labels, a time axis.
    const timed = metricHistorySpec('drift', metricPoints(HISTORY, series), labels) as any;
    expect(timed.layer[0].encoding.x).toMatchObject({ field: 'time', type: 'temporal' });
  });
});
