import {
  cdfComparisonSpec,
  DEFAULT_COMPARISON_LABELS,
  driftBarsSpec
} from '../../../src/charts/comparisonSpecs';
import { StatisticsDocument } from '../../../src/engine/documents/statistics';
import { ViolationsDocument } from '../../../src/engine/documents/violations';
import { numericLInfinity } from '../../../src/engine/monitor/distance/numericLInfinity';
import { DEFAULT_MONITORING_SETTINGS } from '../../../src/engine/monitor/monitoringSettings';
import { numericSketch } from '../../../src/engine/monitor/featureDistributions';
import { cdfGap, cdfPoints, sharedBins, topCategories } from '../../../src/models/comparison';
import { ComparisonModel } from '../../../src/models/ComparisonModel';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SIMPLE = {
  ...DEFAULT_MONITORING_SETTINGS,
  comparisonMethod: 'Simple' as const,
  comparisonThreshold: 0.2,
  categoricalComparisonThreshold: 0.2
};

function numeric(name: string, levels: number[][]) {
  const all = levels.flat();
  return {
    name,
    inferred_type: 'Fractional' as const,
    numerical_statistics: {
      common: { num_present: all.length, num_missing: 1 },
      mean: 0,
      sum: 0,
      std_dev: 0,
      min: Math.min(...all),
      max: Math.max(...all),
      distribution: {
        kll: {
          buckets: [
            { lower_bound: Math.min(...all), upper_bound: Math.max(...all), count: all.length }
          ],
          sketch: { parameters: { c: 0.64, k: 2048 }, data: levels }
        }
      }
    }
  };
}

function categorical(name: string, counts: Record<string, number>) {
  const buckets = Object.entries(counts).map(([value, count]) => ({ value, count }));
  const present = buckets.reduce((sum, b) => sum + b.count, 0);
  return {
    name,
    inferred_type: 'String' as const,
    string_statistics: {
      common: { num_present: present, num_missing: 0 },
      distinct_count: buckets.length,
      distribution: { categorical: { buckets } }
    }
  };
}

const baseline = {
  version: 0,
  dataset: { item_count: 4 },
  features: [numeric('x', [[1, 2, 3, 4]]), categorical(HOSTILE, { a: 3, b: 1 })]
} as unknown as StatisticsDocument;
// Level 1 items weigh 2: the current CDF is 1/4 at 2, 3/4 at 6, 1 at 7.
const current = {
  version: 0,
  dataset: { item_count: 5 },
  features: [numeric('x', [[2, 7], [6]]), categorical(HOSTILE, { a: 1, c: 3 })]
} as unknown as StatisticsDocument;
const violations = {
  violations: [
    {
      feature_name: 'x',
      constraint_check_type: 'baseline_drift_check',
      description: 'Baseline drift distance: 0.6 exceeds threshold: 0.2'
    }
  ]
} as unknown as ViolationsDocument;

describe('comparison model', () => {
  it('finds the largest CDF gap, weighting sketch items by 2^level, as the check does', () => {
    const gap = cdfGap(baseline.features[0], current.features[0])!;
    expect(gap).toEqual({ x: 4, baseline: 1, current: 0.25, distance: 0.75 });
    const b = numericSketch(baseline.features[0])!;
    const c = numericSketch(current.features[0])!;
    expect(gap.distance).toBeCloseTo(numericLInfinity(b, c), 12);
    expect(cdfPoints(current.features[0])).toEqual([
      { x: 2, cdf: 0.25 },
      { x: 6, cdf: 0.75 },
      { x: 7, cdf: 1 }
    ]);
  });

  it('lists features by drift with missing shares, violations and the settings threshold', () => {
    const model = new ComparisonModel(baseline, current, violations, SIMPLE);
    expect(model.threshold).toBe(0.2);
    expect(model.visibleRows.map(r => [r.name, r.kind, r.drift, r.drifted, r.violations])).toEqual([
      ['x', 'numeric', 0.75, true, ['baseline_drift_check']],
      // Above the threshold, but the run's violations (the check's verdict) hold none for it.
      [HOSTILE, 'categorical', 0.75, false, []]
    ]);
    expect(model.features[0].baselineMissing).toBeCloseTo(1 / 5);
    expect(model.selected?.name).toBe('x');
    model.search = 'IMG';
    expect(model.visibleRows.map(r => r.name)).toEqual([HOSTILE]);
    model.sort = 'name';
    model.search = '';
    expect(model.visibleRows.map(r => r.name)).toEqual([HOSTILE, 'x']);
    expect(model.driftedCount).toBe(1);
  });

  it('measures drift as the check does: Robust by default, the raw L∞ kept apart', () => {
    const model = new ComparisonModel(baseline, current);
    expect(model.threshold).toBe(0.1);
    const x = model.features[0];
    // 4 and 5 sketch items: the allowance 1.8·sqrt((4+5)/(4·5)) exceeds the gap of 0.75.
    expect([x.drift, x.rawDrift, x.drifted]).toEqual([0, 0.75, false]);
    expect(model.driftedCount).toBe(0);
  });

  it('bins both sides on the same edges, so their bars line up (#18 item 16)', () => {
    const bins = sharedBins(baseline.features[0], current.features[0], 6)!;
    // Range 1..7 over both sides: edges 1, 2, 3, 4, 5, 6, 7 for baseline and current alike.
    expect(bins.baseline.map(b => [b.lower_bound, b.upper_bound])).toEqual(
      bins.current.map(b => [b.lower_bound, b.upper_bound])
    );
    expect(bins.baseline.map(b => b.lower_bound)).toEqual([1, 2, 3, 4, 5, 6]);
    // Baseline 1, 2, 3, 4 (a quarter each); current 2 (weight 1), 6 (weight 2), 7 (weight 1).
    expect(bins.baseline.map(b => b.count)).toEqual([0.5, 0.25, 0.25, 0, 0, 0]);
    expect(bins.current.map(b => b.count)).toEqual([0.25, 0, 0, 0, 0.5, 0.25]);
    expect(sharedBins(baseline.features[1], current.features[1])).toBeUndefined();
  });

  it('puts the top categories of both sides together, as shares', () => {
    expect(topCategories(baseline.features[1], current.features[1])).toEqual([
      { value: 'a', baseline: 0.75, current: 0.25 },
      { value: 'c', baseline: 0, current: 0.75 },
      { value: 'b', baseline: 0.25, current: 0 }
    ]);
  });
});

describe('comparison specs', () => {
  it('keep data text in data values, never in field names or expressions', () => {
    const spec = driftBarsSpec(
      [{ name: HOSTILE, drift: 0.3, drifted: true }],
      0.1,
      DEFAULT_COMPARISON_LABELS
    );
    const text = JSON.stringify(spec);
    expect(text).not.toMatch(/"field":"<img/);
    expect(text).not.toContain('"expr"');
    expect((spec as any).layer[0].data.values[0]).toEqual({
      feature: HOSTILE,
      drift: 0.3,
      over: true
    });
  });

  it('marks the gap on the CDF chart', () => {
    const gap = { x: 4, baseline: 1, current: 0.2, distance: 0.8 };
    const spec = cdfComparisonSpec('x', [], [], gap, DEFAULT_COMPARISON_LABELS) as any;
    expect(spec.layer[1].data.values[0]).toEqual({
      x: 4,
      low: 1,
      high: 0.2,
      text: 'Largest gap: 0.800'
    });
  });
});
