import fc from 'fast-check';
import { KllSketch } from '../../../src/engine/profile/kll';
import { kllBuckets } from '../../../src/engine/profile/kllBuckets';

/** n integers in [-1000, 1000] from a small LCG, so large inputs cost nothing to generate. */
function pseudoRandom(n: number, seed: number): number[] {
  let state = seed;
  return [...Array(n)].map(() => {
    state = (state * 48271) % 2147483647;
    return (state % 2001) - 1000;
  });
}

const range = (from: number, to: number) => [...Array(to - from + 1).keys()].map(i => from + i);

function sketchOf(values: number[], k = 2048): KllSketch {
  const sketch = new KllSketch(k);
  values.forEach(v => sketch.update(v));
  return sketch;
}

describe('KllSketch = Deequ QuantileNonSample (FORMATS.md §7.3)', () => {
  test('capacities for k = 2048, c = 0.64', () => {
    const sketch = new KllSketch();
    expect(range(0, 16).map(h => sketch.capacity(h))).toEqual([
      2050, 1314, 842, 540, 346, 222, 144, 94, 60, 40, 26, 18, 12, 10, 6, 6, 4
    ]);
  });

  test('Deequ vector: k = 2, items 1…6', () => {
    const sketch = sketchOf(range(1, 6), 2);
    expect(sketch.data()).toEqual([
      [5, 6],
      [1, 3]
    ]);
    expect(kllBuckets(sketch, 1, 6, 2)).toEqual([
      { lower_bound: 1, upper_bound: 3.5, count: 4 },
      { lower_bound: 3.5, upper_bound: 6, count: 2 }
    ]);
  });

  test('Deequ vector: k = 2, items 1…30', () => {
    const sketch = sketchOf(range(1, 30), 2);
    expect(sketch.data()).toEqual([[27, 28, 29, 30], [25], [1, 6, 10, 15, 19, 23]]);
    expect(kllBuckets(sketch, 1, 30, 2)).toEqual([
      { lower_bound: 1, upper_bound: 15.5, count: 16 },
      { lower_bound: 15.5, upper_bound: 30, count: 14 }
    ]);
  });

  test('up to 2050 items stay on one level in row order', () => {
    const values = range(1, 2050).reverse();
    expect(sketchOf(values).data()).toEqual([values]);
  });

  test('2333 items: levels of 283 and 1025', () => {
    const values = range(1, 2333).map(i => (i * 7919) % 1000);
    const data = sketchOf(values).data();
    expect(data.map(l => l.length)).toEqual([283, 1025]);
    expect(data[0]).toEqual(values.slice(2050));
  });

  test('a column from -Infinity to Infinity: NaN bounds, every item in the last bucket (as Deequ)', () => {
    const sketch = new KllSketch();
    [-Infinity, 1, 2, Infinity].forEach(x => sketch.update(x));
    expect(sketch.rank(NaN)).toBe(4);
    expect(sketch.rankExclusive(NaN)).toBe(0);
    const buckets = kllBuckets(sketch, -Infinity, Infinity);
    expect(buckets.map(b => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
  });

  test('min = max puts everything in the last bucket', () => {
    const buckets = kllBuckets(sketchOf([5, 5, 5]), 5, 5);
    expect(buckets.map(b => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
    expect(buckets.every(b => b.lower_bound === 5 && b.upper_bound === 5)).toBe(true);
  });

  test('bucket bounds are evaluated as min + (max - min) * i / 10', () => {
    const buckets = kllBuckets(sketchOf([0, 1]), 0, 1);
    expect(buckets[2].lower_bound).toBe(0.2);
    expect(buckets[2].upper_bound).toBe(0.3);
  });

  test('toJSON / fromJSON keep updating identically', () => {
    const values = range(1, 5000).map(i => (i * 31) % 977);
    const a = sketchOf(values.slice(0, 3000));
    const b = KllSketch.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    values.slice(3000).forEach(v => {
      a.update(v);
      b.update(v);
    });
    expect(b.data()).toEqual(a.data());
  });

  test('merge keeps total weight and ranks within the sketch error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        (n, seed, cut) => {
          const values = pseudoRandom(n, seed);
          const at = cut % values.length;
          const merged = sketchOf(values.slice(0, at));
          merged.merge(sketchOf(values.slice(at)));
          expect(merged.rank(Infinity)).toBe(n);
          const sorted = [...values].sort((x, y) => x - y);
          for (const q of [0.1, 0.5, 0.9]) {
            const x = sorted[Math.floor(q * (n - 1))];
            const exact = sorted.filter(v => v <= x).length;
            expect(Math.abs(merged.rank(x) - exact)).toBeLessThanOrEqual(Math.max(2, 0.01 * n));
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});
