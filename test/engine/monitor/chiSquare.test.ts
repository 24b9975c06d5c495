import { chiSquareTest } from '../../../src/engine/monitor/distance/chiSquareTest';
import { logGamma, regularizedGammaQ } from '../../../src/engine/monitor/distance/incompleteGamma';

const counts = (record: Record<string, number>) => new Map(Object.entries(record));

describe('regularised upper incomplete gamma Q(a, x)', () => {
  // Closed forms for integer a: Q(n, x) = e^(−x) Σ_{k<n} x^k / k!.
  const closedForm = (n: number, x: number) => {
    let term = 1;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += term;
      term *= x / (k + 1);
    }
    return Math.exp(-x) * sum;
  };

  it.each([
    [1, 0.3],
    [1, 7],
    [2, 0.5],
    [2, 6.64],
    [3, 1.5],
    [5, 4],
    [5, 12],
    [10, 3],
    [10, 25]
  ])('matches the closed form at a = %d, x = %d (both expansions)', (a, x) => {
    expect(regularizedGammaQ(a, x)).toBeCloseTo(closedForm(a, x), 13);
  });

  it('gives the chi-squared tail with one degree of freedom, Q(1/2, x/2) = erfc(√(x/2))', () => {
    // 3.841458820694124 is the 95 % quantile of χ²(1).
    expect(regularizedGammaQ(0.5, 3.841458820694124 / 2)).toBeCloseTo(0.05, 12);
  });

  it('handles the edges', () => {
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
    expect(regularizedGammaQ(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
  });

  it('uses an accurate log-gamma', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });
});

describe('chi-squared test with Deequ regrouping', () => {
  it('reproduces the FORMATS §5.3 vector p ≈ 0.013227994814265176', () => {
    const current = counts({ a: 207, b: 20, c: 25, d: 14, e: 25 });
    const baseline = counts({ a: 223, b: 20, c: 25, d: 12, e: 13 });
    const result = chiSquareTest(current, baseline);
    expect(result.degreesOfFreedom).toBe(4);
    expect(Math.abs(result.pValue - 0.013227994814265176)).toBeLessThan(1e-9);
  });

  it('computes Pearson χ² on expected = baseline share × current total (hand example)', () => {
    // Expected for 100 current values: 50, 30, 20; observed 40, 30, 30.
    const result = chiSquareTest(
      counts({ x: 40, y: 30, z: 30 }),
      counts({ x: 500, y: 300, z: 200 })
    );
    const statistic = 100 / 50 + 0 + 100 / 20;
    expect(result.statistic).toBeCloseTo(statistic, 12);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-statistic / 2), 12); // χ²(2) tail
  });

  it('ignores current categories the baseline lacks', () => {
    const withNew = chiSquareTest(
      counts({ x: 40, y: 30, z: 30, new: 500 }),
      counts({ x: 5, y: 3, z: 2 })
    );
    const without = chiSquareTest(counts({ x: 40, y: 30, z: 30 }), counts({ x: 5, y: 3, z: 2 }));
    expect(withNew).toEqual(without);
  });

  it('merges the smallest expected category into the next smallest until valid', () => {
    // Expected 80, 10, 6, 4 (K = 4, at most ⌊0.8⌋ = 0 below 5): 4 merges into 6 → 80, 10, 10.
    const current = counts({ a: 70, b: 12, c: 10, d: 8 });
    const baseline = counts({ a: 80, b: 10, c: 6, d: 4 });
    const result = chiSquareTest(current, baseline);
    expect(result.degreesOfFreedom).toBe(2);
    const statistic = 100 / 80 + 4 / 10 + 64 / 10;
    expect(result.statistic).toBeCloseTo(statistic, 12);
  });

  it('needs every expected count ≥ 10 with two categories, else merges them into one: NaN', () => {
    // Expected 12 and 8 for 20 current values: 8 < 10, so one category is left.
    expect(chiSquareTest(counts({ a: 15, b: 5 }), counts({ a: 60, b: 40 })).pValue).toBeNaN();
    // Expected 20 and 20: a valid 2-category test, χ² = 25/20 + 25/20.
    const valid = chiSquareTest(counts({ a: 15, b: 25 }), counts({ a: 1, b: 1 }));
    expect(valid.degreesOfFreedom).toBe(1);
    expect(valid.statistic).toBeCloseTo(2.5, 12);
  });

  it('is NaN when no current value falls in a baseline category', () => {
    expect(chiSquareTest(counts({ z: 5 }), counts({ a: 1, b: 2 })).pValue).toBeNaN();
  });
});
