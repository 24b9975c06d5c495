import fc from 'fast-check';
import { computeCdfPair } from '../../../src/engine/monitor/distance/cdfPair';
import { KllSketch } from '../../../src/engine/profile/kll';
import { WeightedSketch } from '../../../src/engine/monitor/distance/weightedSketch';
import { KLL_CDF_WASM_BASE64 } from '../../../src/engine/wasm/kllCdfBinary';
import { wasmKllCdf } from '../../../src/engine/wasm/kllCdfModule';
import { bitsOf } from '../../helpers/doubleBits';
import { compiledWasm } from '../../helpers/wasmBuild';

const kllCdf = wasmKllCdf()!;

/** Sketch items: few distinct values (ties across levels), signed zeros, infinities, extremes. */
const item = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -Number.MAX_VALUE)
);
/** Levels as statistics.json's `sketch.data` has them: level 0 first, any of them empty. */
const levels = fc.array(fc.array(item, { maxLength: 300 }), { minLength: 1, maxLength: 8 });

function expectSameBits(ours: Float64Array, reference: Float64Array): void {
  expect(bitsOf(ours)).toEqual(bitsOf(reference));
}

describe('the KLL loops in WebAssembly (src/engine/wasm/assembly/kllCdf.ts)', () => {
  test('the committed module is what its AssemblyScript source compiles to', () => {
    expect(compiledWasm('kllCdf')).toEqual(Buffer.from(KLL_CDF_WASM_BASE64, 'base64'));
  }, 60000);

  test('weighs a sketch to the same bits as JavaScript', () => {
    fc.assert(
      fc.property(levels, data => {
        const ours = WeightedSketch.fromLevels(data, kllCdf);
        const reference = WeightedSketch.fromLevels(data, null);
        expectSameBits(ours.values, reference.values);
        expectSameBits(ours.cumulativeWeights, reference.cumulativeWeights);
        expect(ours.hasNaN).toBe(false);
      }),
      { numRuns: 400 }
    );
  });

  test('gives both CDFs at every value of either and the gaps between them, as JavaScript does', () => {
    fc.assert(
      fc.property(levels, levels, (a, b) => {
        const baseline = WeightedSketch.fromLevels(a, null);
        const current = WeightedSketch.fromLevels(b, null);
        fc.pre(baseline.values.length > 0 && current.values.length > 0);
        const ours = computeCdfPair(baseline, current, kllCdf);
        const reference = computeCdfPair(baseline, current, null);
        expectSameBits(ours.values, reference.values);
        expectSameBits(ours.baseline, reference.baseline);
        expectSameBits(ours.current, reference.current);
        expect(ours.largestGap).toBe(reference.largestGap);
        expect(ours.gapArea).toBe(reference.gapArea);
      }),
      { numRuns: 400 }
    );
  });

  test('weighs the bucket edges of a sketch as JavaScript does, NaN items and edges included', () => {
    const edge = fc.oneof(item, fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(item, fc.constant(NaN)), { maxLength: 400 }),
        fc.integer({ min: 2, max: 64 }),
        fc.array(edge, { minLength: 1, maxLength: 12 }),
        (items, k, edges) => {
          const sketch = new KllSketch(k);
          items.forEach(x => sketch.update(x));
          const ours = sketch.weighEdges(edges, kllCdf);
          const reference = sketch.weighEdges(edges, null);
          expectSameBits(Float64Array.from(ours), Float64Array.from(reference));
        }
      ),
      { numRuns: 400 }
    );
  });

  test('refuses a sketch with a NaN item, which JavaScript then weighs', () => {
    const data = [[3, NaN, 1], [2]];
    expect(kllCdf.weighLevels(data)).toBeUndefined();
    const sketch = WeightedSketch.fromLevels(data, kllCdf);
    expect(sketch.hasNaN).toBe(true);
    expect(Array.from(sketch.cumulativeWeights)).toEqual([1, 3, 4, 5]);
    const other = WeightedSketch.fromLevels([[2, 5]], kllCdf);
    // Walked in JavaScript, which searches where a NaN breaks the order.
    const pair = computeCdfPair(sketch, other, kllCdf);
    expectSameBits(pair.current, computeCdfPair(sketch, other, null).current);
  });

  test('an empty sketch is compared in JavaScript', () => {
    const empty = WeightedSketch.fromLevels([[]], kllCdf);
    const other = WeightedSketch.fromLevels([[1, 2]], kllCdf);
    expect(empty.totalWeight).toBe(0);
    const pair = computeCdfPair(other, empty, kllCdf);
    expect(Array.from(pair.baseline)).toEqual([0.5, 1]);
    expect(pair.current.every(Number.isNaN)).toBe(true);
  });

  test('grows its memory for large sketches and keeps working after', () => {
    const big = [Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 20_011)];
    const ours = WeightedSketch.fromLevels(big, kllCdf);
    const reference = WeightedSketch.fromLevels(big, null);
    expect(Buffer.from(bitsOf(ours.values)).equals(bitsOf(reference.values))).toBe(true);
    expect(ours.values.length).toBe(20_011);
    const small = WeightedSketch.fromLevels([[1, 2, 2]], kllCdf);
    expect(Array.from(small.cumulativeWeights)).toEqual([1, 3]);
  });
});
