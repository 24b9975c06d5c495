/**
 * Merge laws of profiles not covered in test/engine/profile (which checks A then B = A∪B):
 * merge is associative ((A+B)+C = A+(B+C)) and commutative up to row order (A+B and B+A agree
 * exactly on counts, types, distinct estimates, min and max, and to rounding on sums and moments).
 */
import fc from 'fast-check';
import { ColumnBatch } from '../../../src/engine/io/batch';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const cell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }).map(x => x.toFixed(3)),
  fc.constantFrom('red', 'green', 'blue', '')
);
const rows = fc.array(fc.tuple(cell, cell), { maxLength: 150 });

function profileOf(part: (string | null)[][]): DatasetProfile {
  const profile = new DatasetProfile();
  const batch: ColumnBatch = {
    names: ['a', 'b'],
    columns: [0, 1].map(c => ({ kind: 'text' as const, values: part.map(r => r[c]) })),
    rowCount: part.length
  };
  profile.add(batch);
  return profile;
}

function merged(...profiles: DatasetProfile[]): DatasetProfile {
  const [first, ...rest] = profiles;
  rest.forEach(p => first.merge(p));
  return first;
}

/** Exact fields and rounded moments of a statistics document; distribution only when asked. */
function summary(profile: DatasetProfile, withDistribution: boolean) {
  const stats = profile.toStatistics();
  return {
    count: profile.itemCount,
    features: stats.features.map(f => {
      const n = f.numerical_statistics;
      return {
        name: f.name,
        type: f.inferred_type,
        strings: f.string_statistics,
        numbers: n && {
          common: n.common,
          distinct: n.approximate_num_distinct_values,
          min: n.min,
          max: n.max,
          sum: Number(n.sum.toPrecision(9)),
          mean: Number(n.mean.toPrecision(9)),
          std: Number(n.std_dev.toFixed(6)),
          ...(withDistribution ? { distribution: n.distribution } : {})
        }
      };
    })
  };
}

test('merge is associative', () => {
  fc.assert(
    fc.property(rows, rows, rows, (a, b, c) => {
      const left = merged(merged(profileOf(a), profileOf(b)), profileOf(c));
      const right = merged(profileOf(a), merged(profileOf(b), profileOf(c)));
      expect(summary(left, true)).toEqual(summary(right, true));
    }),
    { numRuns: RUNS, seed: 11 }
  );
});

/** Ties between equally frequent categories keep first-seen order: compare them as sets. */
function sortBuckets(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortBuckets);
    const isBucket = (x: unknown) => typeof x === 'object' && x !== null && 'value' in x;
    return items.every(isBucket)
      ? [...items].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
      : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortBuckets(v)]));
  }
  return value;
}

/** -0 and 0 as one value. */
function withoutNegativeZero(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

test('merge is commutative up to row order', () => {
  fc.assert(
    fc.property(rows, rows, (a, b) => {
      const ab = merged(profileOf(a), profileOf(b));
      const ba = merged(profileOf(b), profileOf(a));
      // Of -0.0 and 0.0, min and max keep the first seen (Spark's order), so they follow row order.
      expect(withoutNegativeZero(sortBuckets(summary(ab, false)))).toEqual(
        withoutNegativeZero(sortBuckets(summary(ba, false)))
      );
    }),
    { numRuns: RUNS, seed: 12 }
  );
});

test('a profile survives its JSON form before merging', () => {
  fc.assert(
    fc.property(rows, rows, (a, b) => {
      const direct = merged(profileOf(a), profileOf(b));
      const viaJson = merged(
        DatasetProfile.fromJSON(JSON.parse(JSON.stringify(profileOf(a).toJSON()))),
        DatasetProfile.fromJSON(JSON.parse(JSON.stringify(profileOf(b).toJSON())))
      );
      expect(withoutNegativeZero(summary(viaJson, true))).toEqual(
        withoutNegativeZero(summary(direct, true))
      );
    }),
    { numRuns: RUNS, seed: 13 }
  );
});

// A column whose values are all "-0.000" has min = max = -0 (statistics.json prints -0.0); the
// profile files that `profile` then `merge` go through must keep it.
test('negative zero min/max survive the profile JSON form', () => {
  const direct = profileOf([['-0.000', 'x']]);
  const viaJson = DatasetProfile.fromJSON(JSON.parse(JSON.stringify(direct.toJSON())));
  const min = (p: DatasetProfile) => p.toStatistics().features[0].numerical_statistics?.min;
  expect(Object.is(min(direct), -0)).toBe(true);
  expect(Object.is(min(viaJson), -0)).toBe(true);
});
