import fc from 'fast-check';
import { mergeRuns, radixSort } from '../../../src/engine/profile/sortDoubles';
import { SORT_DOUBLES_WASM_BASE64 } from '../../../src/engine/wasm/sortDoublesBinary';
import { wasmSortDoubles } from '../../../src/engine/wasm/sortDoublesModule';
import { ascendingRuns, runStarts } from '../../helpers/sortedRuns';
import { bitsOf } from '../../helpers/doubleBits';
import { compiledWasm } from '../../helpers/wasmBuild';

const wasmSort = wasmSortDoubles()!;

/** Doubles with every special bit pattern: zeros of both signs, NaNs with payloads, subnormals. */
const anyBits = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324),
  fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })).map(([hi, lo]) => {
    const words = new Uint32Array([lo, hi]);
    return new Float64Array(words.buffer)[0];
  })
);

/** Values of the runs a merge takes: no NaN, zeros of both signs. */
const runValue = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1));

describe('the KLL sort in WebAssembly (src/engine/wasm/assembly/sortDoubles.ts)', () => {
  test('the committed module is what its AssemblyScript source compiles to', () => {
    expect(compiledWasm('sortDoubles')).toEqual(Buffer.from(SORT_DOUBLES_WASM_BASE64, 'base64'));
  }, 60000);

  test('leaves the same bits as the JavaScript radix sort, NaNs included', () => {
    fc.assert(
      fc.property(fc.array(anyBits, { minLength: 0, maxLength: 3000 }), values => {
        const ours = Float64Array.from(values);
        const reference = Float64Array.from(values);
        wasmSort.sort(ours);
        radixSort(reference);
        expect(bitsOf(ours)).toEqual(bitsOf(reference));
      }),
      { numRuns: 300 }
    );
  });

  test('sorts values that share their high bits (long runs, duplicates) as the JavaScript radix sort does', () => {
    // Timestamps, tiny steps around one number, repeated categories: runs of keys equal in their
    // high 31 bits, short (insertion sort) and long (the low digits).
    const clustered = fc
      .tuple(
        fc.constantFrom(1.7e9, 1, -3.25, 1e-300, 0),
        fc.array(fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.constantFrom(0, 1)), {
          minLength: 30,
          maxLength: 3000,
          size: 'max'
        }),
        fc.integer({ min: -14, max: -3 })
      )
      .map(([base, steps, exponent]) =>
        steps.map(k => base + k * 10 ** exponent * Math.max(1, Math.abs(base)))
      );
    fc.assert(
      fc.property(clustered, fc.array(anyBits, { maxLength: 40 }), (values, noise) => {
        const all = values.concat(noise);
        const ours = Float64Array.from(all);
        const reference = Float64Array.from(all);
        wasmSort.sort(ours);
        radixSort(reference);
        expect(Buffer.from(bitsOf(ours)).equals(bitsOf(reference))).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  test('merges ascending runs into the same bits as the JavaScript merge, zeros of both signs included', () => {
    fc.assert(
      fc.property(ascendingRuns(runValue, { minLength: 1, maxLength: 700 }, 7), runs => {
        const values = Float64Array.from(runs.flat());
        const starts = runStarts(runs);
        const ours = Float64Array.from(values);
        const reference = Float64Array.from(values);
        wasmSort.mergeRuns(ours, starts);
        mergeRuns(reference, starts);
        expect(bitsOf(ours)).toEqual(bitsOf(reference));
        expect(bitsOf(ours)).toEqual(bitsOf(Float64Array.from(values).sort()));
      }),
      { numRuns: 200 }
    );
  });

  test('sorts or merges into the same bits as the JavaScript radix sort, whatever the number of runs', () => {
    // A KLL level above 0: a few ascending runs (merged), or too many, or a NaN (sorted).
    const levels = ascendingRuns(runValue, { minLength: 1, maxLength: 700 }, 7);
    fc.assert(
      fc.property(levels, fc.array(anyBits, { maxLength: 3 }), (runs, extra) => {
        const all = runs.flat().concat(extra);
        const ours = Float64Array.from(all);
        const reference = Float64Array.from(all);
        wasmSort.sortOrMerge(ours);
        radixSort(reference);
        expect(Buffer.from(bitsOf(ours)).equals(bitsOf(reference))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  test('sorts arrays of growing and shrinking sizes with one instance', () => {
    for (const n of [5000, 10, 70000, 300]) {
      const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e6);
      const expected = Float64Array.from(values).sort();
      wasmSort.sort(values);
      expect(Buffer.from(bitsOf(values)).equals(Buffer.from(bitsOf(expected)))).toBe(true);
    }
  });
});
