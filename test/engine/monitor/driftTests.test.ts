import { DriftTestResult, EXTENSION_KEY } from '../../../src/engine/documents/violations';
import { checkConstraints } from '../../../src/engine/monitor/checkConstraints';
import { WeightedSketch } from '../../../src/engine/monitor/distance/weightedSketch';
import { hellingerDistance } from '../../../src/engine/monitor/driftTests/hellinger';
import { jensenShannonDistance } from '../../../src/engine/monitor/driftTests/jensenShannon';
import {
  kolmogorovSmirnovPValue,
  kolmogorovSmirnovTest
} from '../../../src/engine/monitor/driftTests/kolmogorovSmirnov';
import { numericBinCounts } from '../../../src/engine/monitor/driftTests/numericBins';
import { populationStabilityIndex } from '../../../src/engine/monitor/driftTests/populationStabilityIndex';
import { normalisedWasserstein } from '../../../src/engine/monitor/driftTests/wasserstein';
import { DriftTestOptions } from '../../../src/engine/monitor/driftTests/driftTestOptions';
import { MonitorInput } from '../../../src/engine/monitor/monitorInput';
import {
  constraintFor,
  constraints,
  numericFeature,
  statistics,
  stringFeature,
  typeCounts
} from './documentBuilders';

const sketch = (levels: number[][]) => WeightedSketch.fromLevels(levels);

describe('PSI', () => {
  it('is Σ (p − q)·ln(p/q): 0.25·ln 3 for (½, ½) vs (¼, ¾)', () => {
    expect(populationStabilityIndex([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.25 * Math.log(3), 15);
  });

  it('replaces an empty bin by 1e-4', () => {
    const expected = (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + (0.5 - 1) * Math.log(0.5);
    expect(populationStabilityIndex([0.5, 0.5], [0, 1])).toBeCloseTo(expected, 14);
    expect(populationStabilityIndex([0, 1], [0, 1])).toBe(0);
  });
});

describe('Jensen–Shannon distance', () => {
  it('matches a hand computation for (½, ½) vs (¼, ¾)', () => {
    const klP = 0.5 * Math.log(0.5 / 0.375) + 0.5 * Math.log(0.5 / 0.625);
    const klQ = 0.25 * Math.log(0.25 / 0.375) + 0.75 * Math.log(0.75 / 0.625);
    expect(jensenShannonDistance([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(
      Math.sqrt((klP + klQ) / 2),
      15
    );
  });

  it('reaches √ln 2 ≈ 0.833 for disjoint distributions, 0 for equal ones', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(jensenShannonDistance([0.3, 0.7], [0.3, 0.7])).toBe(0);
  });
});

describe('Hellinger distance', () => {
  it('is √(1 − Σ√(p·q))', () => {
    const expected = Math.sqrt(1 - (Math.sqrt(0.125) + Math.sqrt(0.375)));
    expect(hellingerDistance([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(expected, 15);
    expect(hellingerDistance([1, 0], [0, 1])).toBe(1);
    expect(hellingerDistance([0.1, 0.2, 0.7], [0.1, 0.2, 0.7])).toBe(0);
  });
});

describe('Kolmogorov–Smirnov p-value', () => {
  it('follows the Stephens-corrected Kolmogorov tail (hand computation)', () => {
    // D = 0.5, n = m = 10: en = 5, λ = (√5 + 0.12 + 0.11/√5)·0.5.
    const lambda = (Math.sqrt(5) + 0.12 + 0.11 / Math.sqrt(5)) * 0.5;
    const series =
      2 * (Math.exp(-2 * lambda ** 2) - Math.exp(-8 * lambda ** 2) + Math.exp(-18 * lambda ** 2));
    expect(kolmogorovSmirnovPValue(0.5, 10, 10)).toBeCloseTo(series, 12);
  });

  it('gives the tabulated Kolmogorov values Q(1.0) = 0.27 and Q(1.358) ≈ 0.05', () => {
    // For n = m → ∞, λ → √en·D (the correction fades); choose D so that λ ≈ 1.0 / 1.358.
    const n = 1e12;
    const rootEn = Math.sqrt(n / 2);
    expect(kolmogorovSmirnovPValue(1.0 / rootEn, n, n)).toBeCloseTo(0.26999967167735456, 6);
    expect(kolmogorovSmirnovPValue(1.358 / rootEn, n, n)).toBeCloseTo(0.05, 3);
  });

  it('is 1 at D = 0 and 0 for far-apart samples', () => {
    expect(kolmogorovSmirnovPValue(0, 100, 100)).toBe(1);
    expect(kolmogorovSmirnovPValue(1, 1e6, 1e6)).toBe(0);
  });

  it('takes D and the sample sizes from the sketches', () => {
    const baseline = sketch([Array.from({ length: 10 }, (_, i) => i)]);
    const current = sketch([Array.from({ length: 10 }, (_, i) => i + 5)]);
    const result = kolmogorovSmirnovTest(baseline, current);
    expect(result.statistic).toBe(0.5);
    expect(result.pValue).toBe(kolmogorovSmirnovPValue(0.5, 10, 10));
  });
});

describe('normalised Wasserstein distance', () => {
  it('is the area between the CDFs divided by the baseline std', () => {
    // Shifting every value by 1 moves the CDF by 1: area 1.
    expect(normalisedWasserstein(sketch([[1, 2, 3]]), sketch([[2, 3, 4]]), 2)).toBeCloseTo(0.5, 15);
    // F_b − F_c = ½ on [0, 10): area 5, floor of the std at 0.001.
    expect(normalisedWasserstein(sketch([[0, 10]]), sketch([[10]]), 0)).toBeCloseTo(5000, 9);
  });
});

describe('numeric drift bins', () => {
  it('counts below min, the ten baseline buckets (last closed) and above max', () => {
    const baseline = numericFeature('x', [[0, 10]]);
    const buckets = baseline.numerical_statistics!.distribution!.kll.buckets;
    const counts = numericBinCounts(sketch([[-5, 0, 0.5, 1, 9.99, 10, 10, 11]]), buckets);
    expect(counts).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 3, 1]);
  });
});

describe('drift tests in constraint_violations.json', () => {
  const baselineNumeric = numericFeature('n', [Array.from({ length: 100 }, (_, i) => i)], {
    stdDev: 28.87
  });
  const baselineText = stringFeature('s', { a: 50, b: 50 });
  const input = (
    current: MonitorInput['currentStatistics'],
    driftTests?: DriftTestOptions
  ): MonitorInput => ({
    baselineStatistics: statistics(100, [baselineNumeric, baselineText]),
    constraints: constraints([constraintFor('n', 'Fractional'), constraintFor('s', 'String')]),
    currentStatistics: current,
    currentTypeCounts: { n: typeCounts({ integral: 100 }), s: typeCounts({ string: 100 }) },
    driftTests
  });
  const shifted = statistics(100, [
    numericFeature('n', [Array.from({ length: 100 }, (_, i) => i + 50)]),
    stringFeature('s', { a: 25, b: 75 })
  ]);
  const testsOf = (options?: DriftTestOptions, current = shifted) =>
    checkConstraints(input(current, options))[EXTENSION_KEY]!;

  it('runs every applicable test by default, in feature then test order', () => {
    const block = testsOf();
    expect(block.version).toBe(1);
    expect(block.drift_tests.map(t => `${t.feature_name}:${t.test}`)).toEqual([
      'n:psi',
      'n:ks',
      'n:wasserstein',
      'n:jensen_shannon',
      'n:hellinger',
      's:psi',
      's:jensen_shannon',
      's:hellinger',
      's:chi_squared'
    ]);
  });

  it('writes p_value only for ks and chi_squared, and decides drift by each threshold', () => {
    const byTest = new Map(testsOf().drift_tests.map(t => [`${t.feature_name}:${t.test}`, t]));
    const s = byTest.get('s:psi')!;
    expect(s).toEqual({
      feature_name: 's',
      test: 'psi',
      statistic: populationStabilityIndex([0.5, 0.5], [0.25, 0.75]),
      threshold: 0.1,
      drift: true
    });
    const ks = byTest.get('n:ks')!;
    expect(Object.keys(ks)).toEqual([
      'feature_name',
      'test',
      'statistic',
      'p_value',
      'threshold',
      'drift'
    ]);
    expect(ks.statistic).toBe(0.5);
    expect(ks.p_value).toBe(kolmogorovSmirnovPValue(0.5, 100, 100));
    expect(ks.drift).toBe(true);
    const chi = byTest.get('s:chi_squared')!;
    expect(chi.statistic).toBeCloseTo(25 ** 2 / 50 + 25 ** 2 / 50, 12);
    expect(chi.p_value).toBeLessThan(0.05);
    expect(byTest.get('n:wasserstein')!.statistic).toBeCloseTo(50 / 28.87, 12);
  });

  it('finds no drift between identical distributions', () => {
    const same = statistics(100, [baselineNumeric, baselineText]);
    for (const test of testsOf({}, same).drift_tests) {
      expect(test.drift).toBe(false);
      expect(test.statistic).toBe(0);
    }
  });

  it('uses configured thresholds and leaves disabled tests out', () => {
    const block = testsOf({
      psi: { threshold: 100 },
      ks: { enabled: false },
      chi_squared: { enabled: false }
    });
    const psi = block.drift_tests.filter(t => t.test === 'psi');
    expect(psi.map(t => [t.threshold, t.drift])).toEqual([
      [100, false],
      [100, false]
    ]);
    expect(block.drift_tests.some(t => t.test === 'ks' || t.test === 'chi_squared')).toBe(false);
  });

  it('marks tests that cannot run as skipped, with a reason', () => {
    const current = statistics(100, [
      stringFeature('n', { x: 100 }),
      stringFeature('s', undefined, { present: 100 })
    ]);
    const skipped: DriftTestResult[] = testsOf({}, current).drift_tests;
    expect(skipped.every(t => typeof t.skipped === 'string' && t.statistic === undefined)).toBe(
      true
    );
    expect(skipped[0]).toEqual({
      feature_name: 'n',
      test: 'psi',
      skipped: 'current data has no numeric values to compare'
    });
  });

  it('omits the key when every test is off', () => {
    const off = Object.fromEntries(
      ['psi', 'ks', 'wasserstein', 'jensen_shannon', 'hellinger', 'chi_squared'].map(t => [
        t,
        { enabled: false }
      ])
    );
    expect(checkConstraints(input(shifted, off))[EXTENSION_KEY]).toBeUndefined();
  });

  it('never adds violations of its own', () => {
    const document = checkConstraints(input(shifted));
    // Numeric: Robust 0.5 − 1.8·√0.02 ≈ 0.245 > 0.1; categorical: 0.25 − 0.255 → 0, though its tests drift.
    expect(document.violations.map(v => `${v.feature_name}:${v.constraint_check_type}`)).toEqual([
      'n:baseline_drift_check'
    ]);
  });
});

describe('drift tests on untestable features', () => {
  it('writes a NaN p-value and no drift when chi-squared has fewer than 2 categories left', () => {
    const result = checkConstraints({
      baselineStatistics: statistics(100, [stringFeature('s', { a: 99, b: 1 })]),
      constraints: constraints([constraintFor('s', 'String')]),
      currentStatistics: statistics(100, [stringFeature('s', { a: 50, b: 50 })]),
      currentTypeCounts: { s: typeCounts({ string: 100 }) },
      driftTests: { chi_squared: {} }
    })[EXTENSION_KEY]!;
    const [chi] = result.drift_tests.filter(t => t.test === 'chi_squared');
    expect(chi.p_value).toBeNaN();
    expect(chi.drift).toBe(false);
  });

  it('writes no entry for an all-null (Unknown) baseline feature', () => {
    const unknown = { name: 'u', inferred_type: 'Unknown' as const };
    const result = checkConstraints({
      baselineStatistics: statistics(3, [unknown]),
      constraints: constraints([constraintFor('u', 'Unknown', { completeness: 0 })]),
      currentStatistics: statistics(3, [unknown]),
      currentTypeCounts: { u: typeCounts({ missing: 3 }) }
    });
    expect(result).toEqual({ violations: [], [EXTENSION_KEY]: { version: 1, drift_tests: [] } });
  });
});
