import * as fc from 'fast-check';
import { categoricalLInfinity } from '../../../src/engine/monitor/distance/categoricalLInfinity';
import { cdfPair } from '../../../src/engine/monitor/distance/cdfPair';
import { numericLInfinity } from '../../../src/engine/monitor/distance/numericLInfinity';
import { robustLInfinity } from '../../../src/engine/monitor/distance/robustLInfinity';
import { mergedValues, WeightedSketch } from '../../../src/engine/monitor/distance/weightedSketch';

const sketch = (levels: number[][]) => WeightedSketch.fromLevels(levels);
const counts = (record: Record<string, number>) => new Map(Object.entries(record));

describe('WeightedSketch', () => {
  // Deequ's k = 2 vector for 1…6 (FORMATS §7.3): level 1 items weigh 2.
  const oneToSix = sketch([
    [5, 6],
    [1, 3]
  ]);

  it('weighs level h items 2^h', () => {
    expect(oneToSix.totalWeight).toBe(6);
    expect(oneToSix.rank(0)).toBe(0);
    expect(oneToSix.rank(1)).toBe(2);
    expect(oneToSix.rank(3)).toBe(4);
    expect(oneToSix.rank(4.5)).toBe(4);
    expect(oneToSix.rank(6)).toBe(6);
  });

  it('separates inclusive and exclusive ranks at an item', () => {
    expect(oneToSix.rankExclusive(3)).toBe(2);
    expect(oneToSix.rankExclusive(5)).toBe(4);
    expect(oneToSix.rankExclusive(5.5)).toBe(5);
  });

  it('adds the weights of equal items', () => {
    const repeated = sketch([[2, 2, 1], [2]]);
    expect(repeated.values).toEqual(Float64Array.from([1, 2]));
    expect(repeated.rank(2)).toBe(5);
    expect(repeated.rankExclusive(2)).toBe(1);
  });
});

it('cdfs over merged values equal cdf at each value, NaN, infinities and -0 included', () => {
  const item = fc.oneof(
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1),
    fc.integer({ min: -3, max: 3 })
  );
  const levels = fc.array(fc.array(item, { maxLength: 12 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(levels, levels, (a, b) => {
      const [x, y] = [sketch(a), sketch(b)];
      const values = mergedValues(x, y);
      for (const s of [x, y]) {
        const walked = Array.from(s.cdfs(values));
        const searched = Array.from(values, v => s.cdf(v));
        walked.forEach((cdf, i) => expect(Object.is(cdf, searched[i])).toBe(true));
      }
    }),
    { numRuns: 500 }
  );
});

describe('numeric L∞ (FORMATS §5.3 vectors)', () => {
  const baseline = sketch([[1, 2, 3, 4]]);
  const current = sketch([[2, 3, 4, 5]]);

  it('is 0.25 simple and 0.0 robust for [[1,2,3,4]] vs [[2,3,4,5]]', () => {
    const simple = numericLInfinity(baseline, current);
    expect(simple).toBe(0.25);
    expect(robustLInfinity(simple, 4, 4)).toBe(0.0);
  });

  it('uses the weights of upper levels', () => {
    // Baseline: 1 (w1), 10 (w2) → F(1) = 1/3; current: 1, 10 (w1 each) → F(1) = 1/2.
    expect(numericLInfinity(sketch([[1], [10]]), sketch([[1, 10]]))).toBeCloseTo(1 / 6, 15);
  });

  it('is 1 for disjoint samples', () => {
    expect(numericLInfinity(sketch([[1, 2]]), sketch([[3, 4, 5]]))).toBe(1);
  });

  it('is symmetric, within [0, 1], and 0 against itself', () => {
    const levels = fc.array(
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 20 }),
      {
        minLength: 1,
        maxLength: 3
      }
    );
    fc.assert(
      fc.property(levels, levels, (a, b) => {
        const d = numericLInfinity(sketch(a), sketch(b));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(numericLInfinity(sketch(b), sketch(a))).toBe(d);
        expect(numericLInfinity(sketch(a), sketch(a))).toBe(0);
      })
    );
  });
});

describe('cdfPair', () => {
  it('is both CDFs at every item of either sketch, computed once per pair of sketches', () => {
    const baseline = sketch([[1, 2, 3, 4]]);
    const current = sketch([[2, 3, 4, 5]]);
    const pair = cdfPair(baseline, current);
    expect([...pair.values]).toEqual([1, 2, 3, 4, 5]);
    expect([...pair.baseline]).toEqual([0.25, 0.5, 0.75, 1, 1]);
    expect([...pair.current]).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(cdfPair(baseline, current)).toBe(pair);
    expect(cdfPair(current, baseline)).not.toBe(pair);
    expect(cdfPair(baseline, sketch([[2, 3, 4, 5]]))).not.toBe(pair);
  });
});

describe('robust correction', () => {
  it('subtracts 1.8·√((n+m)/(n·m)): 0.0805 at n = m = 1000 and 0.255 at 100', () => {
    expect(0.5 - robustLInfinity(0.5, 1000, 1000)).toBeCloseTo(0.0805, 4);
    expect(0.5 - robustLInfinity(0.5, 100, 100)).toBeCloseTo(0.2546, 4);
  });

  it('never goes below 0', () => {
    expect(robustLInfinity(0.01, 10, 10)).toBe(0);
  });
});

describe('categorical L∞ (FORMATS §5.3 vector)', () => {
  const baseline = counts({ a: 10, b: 20, c: 25, d: 10, e: 5 });
  const current = counts({ a: 11, b: 20, c: 25, d: 10, e: 10 });

  it('gives 0.06015037593984962 simple and 0.0 robust', () => {
    const simple = categoricalLInfinity(baseline, current);
    expect(simple).toBe(0.06015037593984962);
    expect(robustLInfinity(simple, 70, 76)).toBe(0.0);
  });

  it('counts a category absent on one side as 0 there', () => {
    expect(categoricalLInfinity(counts({ a: 1 }), counts({ b: 3 }))).toBe(1);
    expect(categoricalLInfinity(counts({ a: 3, b: 1 }), counts({ a: 3 }))).toBe(0.25);
  });
});
