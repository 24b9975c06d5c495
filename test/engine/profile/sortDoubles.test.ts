import fc from 'fast-check';
import { radixSort, sortDoubles } from '../../../src/engine/profile/sortDoubles';
import { ascendingRuns, runStarts } from '../../helpers/sortedRuns';

const specials = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -1, 1];

function expectSortedLikeNative(values: number[]): void {
  const ours = Float64Array.from(values);
  sortDoubles(ours);
  const native = Float64Array.from(values).sort();
  expect(ours.length).toBe(native.length);
  for (let i = 0; i < native.length; i++) {
    expect(Object.is(ours[i], native[i])).toBe(true);
  }
}

describe('sortDoubles = Float64Array#sort', () => {
  test('any doubles, around the radix threshold and at KLL level sizes', () => {
    const item = fc.oneof(fc.double(), fc.constantFrom(...specials), fc.integer());
    fc.assert(
      fc.property(fc.array(item, { minLength: 200, maxLength: 2100 }), expectSortedLikeNative),
      { numRuns: 200 }
    );
  });

  test('few distinct values (digits skipped), all equal, negative zeros and NaNs', () => {
    const n = 2050;
    expectSortedLikeNative(Array.from({ length: n }, (_, i) => i % 3));
    expectSortedLikeNative(new Array(n).fill(7.5));
    expectSortedLikeNative(Array.from({ length: n }, (_, i) => (i % 2 ? -0 : 0)));
    expectSortedLikeNative(Array.from({ length: n }, (_, i) => (i % 5 ? -i : NaN)));
  });

  test('a few ascending runs (a KLL level above 0) are merged into the same order', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, -1), fc.integer());
    fc.assert(
      fc.property(ascendingRuns(value, { minLength: 130, maxLength: 400 }, 6), runs => {
        expectSortedLikeNative(runs.flat());
      }),
      { numRuns: 60 }
    );
  });

  test('runs of zeros of both signs and a NaN after sorted runs', () => {
    const zeros = Array.from({ length: 300 }, (_, i) => (i < 150 ? -0 : 0));
    expectSortedLikeNative([...zeros, ...zeros]);
    expectSortedLikeNative([...zeros, ...zeros.map(() => 0), ...zeros.map(() => -0)]);
    expectSortedLikeNative([...zeros, ...zeros, NaN]);
  });

  test('known runs (a KLL level above 0) are merged into the same order, NaNs and a cut last run included', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, 1, -1), fc.integer());
    const levels = ascendingRuns(value, { minLength: 1, maxLength: 600, size: 'max' }, 7);
    fc.assert(
      fc.property(levels, fc.nat(3), (runs, cut) => {
        const all = runs.flat();
        const starts = runStarts(runs);
        // The runs describe the whole buffer; the sort may be asked for a prefix of it.
        const prefix = all.slice(0, Math.max(1, all.length - cut));
        const ours = Float64Array.from(prefix);
        sortDoubles(ours, starts);
        // The radix sort writes every NaN as one bit pattern: the reference of the bits.
        const reference = Float64Array.from(prefix);
        if (reference.length >= 256) {
          radixSort(reference);
        } else {
          reference.sort();
        }
        expect(Buffer.from(ours.buffer).equals(Buffer.from(reference.buffer))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  test('sorts a view in place without touching the rest of its buffer', () => {
    const all = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    sortDoubles(all.subarray(100, 900));
    expect(all[99]).toBe(901);
    expect(all[100]).toBe(101);
    expect(all[899]).toBe(900);
    expect(all[900]).toBe(100);
  });
});
