import fc from 'fast-check';
import {
  CATEGORICAL_BUCKET_THRESHOLD,
  ColumnProfile,
  UNWRITTEN_DISTINCT
} from '../../../src/engine/profile/columnProfile';
import { HyperLogLog } from '../../../src/engine/profile/hll';
import { Moments } from '../../../src/engine/profile/moments';
import {
  classifyText,
  emptyTypeCounts,
  parseNumericText
} from '../../../src/engine/profile/typeInference';
import { ReferenceKllSketch } from './reference/kllReference';
import { ReferenceValueCounts } from './reference/valueCountsReference';
import { CellColumn, typedColumn } from './typedColumns';

/**
 * The straightforward column profile: every cell classified by the regular expressions, cast as
 * Spark casts it (`- 5` is null, an Integral has no -0), hashed into the HLL and counted, with no
 * per-value notes; every typed cell hashed as a long or a double and counted under String(cell).
 */
function referenceJSON(name: string, columns: CellColumn[], limit: number) {
  const types = emptyTypeCounts();
  const moments = new Moments();
  const kll = new ReferenceKllSketch();
  const hll = new HyperLogLog();
  const values = new ReferenceValueCounts(limit);
  let castNulls = 0;
  // A column stops counting values once it holds more than could ever be written.
  let counting = true;
  const count = (text: string) => {
    if (!counting) {
      return;
    }
    values.add(text);
    const unwritten = values.pruned || values.size > UNWRITTEN_DISTINCT;
    if (unwritten && limit >= CATEGORICAL_BUCKET_THRESHOLD) {
      counting = false;
      values.stopCounting();
    }
  };
  const addNumber = (x: number, exact?: number | bigint) => {
    moments.add(x, exact);
    kll.update(x);
  };
  for (const column of columns) {
    for (const value of column.values) {
      if (value === null) {
        types.missing++;
      } else if (column.kind === 'text') {
        const text = value as string;
        const type = classifyText(text);
        types[type]++;
        hll.addString(text);
        count(text);
        const x = parseNumericText(text);
        if ((type === 'integral' || type === 'fractional') && Number.isNaN(x)) {
          castNulls++;
        } else if (type === 'integral') {
          addNumber(x + 0, Number.isSafeInteger(x) ? x + 0 : BigInt(text));
        } else if (type === 'fractional') {
          addNumber(x);
        }
      } else if (column.kind === 'integral') {
        const v = value as number | bigint;
        types.integral++;
        hll.addLong(BigInt(v));
        count(String(v));
        addNumber(Number(v), v);
      } else if (column.kind === 'fractional') {
        const v = value as number;
        types.fractional++;
        hll.addDouble(v);
        count(String(v));
        addNumber(v);
      }
    }
  }
  return {
    name,
    types,
    castNulls,
    moments: moments.toJSON(),
    kll: kll.toJSON(),
    hll: hll.toJSON(),
    values: values.toJSON()
  };
}

const text = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '-3',
    '2.5',
    '1e3',
    'true',
    'false',
    'red',
    ' 4',
    '- 5',
    '9007199254740993'
  ),
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.string({ maxLength: 3 })
);
const textColumn: fc.Arbitrary<CellColumn> = fc
  .array(fc.option(text, { freq: 8 }), { maxLength: 200 })
  .map(values => ({ kind: 'text', values }));
const integer = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
  fc.constantFrom(2n ** 53n, -(2n ** 53n), 2n ** 53n - 1n, 5n, -0)
);
const integralColumn: fc.Arbitrary<CellColumn> = fc
  .array(fc.option(integer, { freq: 8 }), { maxLength: 50 })
  .map(values => ({ kind: 'integral', values }));
const double = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 0.1, 2.5, 1e21, 5e-324),
  fc.double(),
  fc.integer({ min: -5, max: 5 })
);
const fractionalColumn: fc.Arbitrary<CellColumn> = fc
  .array(fc.option(double, { freq: 8 }), { maxLength: 50 })
  .map(values => ({ kind: 'fractional', values }));

describe('ColumnProfile = the straightforward per-cell profile', () => {
  test('notes of repeated values change nothing, also with pruning and typed cells mixed in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: textColumn }, integralColumn, fractionalColumn), {
          maxLength: 6
        }),
        fc.constantFrom(3, 10, 1000),
        (columns, limit) => {
          const profile = new ColumnProfile('c', limit);
          columns.forEach(column => profile.add(typedColumn(column)));
          expect(profile.toJSON()).toEqual(referenceJSON('c', columns, limit));
        }
      ),
      { numRuns: 300 }
    );
  });

  test('a column of mostly distinct values stops looking them up, with the same sketches', () => {
    const skips = (profile: ColumnProfile) =>
      (profile as unknown as { skipValueCounts: boolean }).skipValueCounts;
    const numbers = Array.from({ length: 20_000 }, (_, i) =>
      i % 10 === 0 ? '7' : (i * 0.731).toFixed(3)
    );
    const ids = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? null : `id-${i}`));
    for (const values of [numbers, ids]) {
      const column: CellColumn = { kind: 'text', values };
      const profile = new ColumnProfile('c');
      profile.add(typedColumn(column));
      expect(skips(profile)).toBe(true);
      const { values: kept, ...sketches } = profile.toJSON();
      const { values: all, ...expected } = referenceJSON('c', [column], 1000);
      expect(sketches).toEqual(expected);
      expect(kept.exact).toBe(false);
      expect(all.exact).toBe(false);
    }
  });

  test('typed numbers of many repeated values are counted like their text, across prunes', () => {
    const cells = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? i / 8 : (i % 13) - 6));
    const column: CellColumn = { kind: 'fractional', values: [-0, NaN, ...cells, NaN, 0] };
    for (const limit of [5, 1000]) {
      const profile = new ColumnProfile('c', limit);
      profile.add(typedColumn(column));
      expect(profile.toJSON()).toEqual(referenceJSON('c', [column], limit));
    }
  });

  test('a typed column of mostly distinct numbers stops counting them, with the same sketches', () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? null : i * 0.731));
    const ints = Array.from({ length: 20_000 }, (_, i) =>
      i % 9 === 0 ? 2n ** 60n + BigInt(i) : i
    );
    const columns: CellColumn[] = [
      { kind: 'fractional', values: cells },
      { kind: 'integral', values: ints }
    ];
    for (const column of columns) {
      const profile = new ColumnProfile('c');
      profile.add(typedColumn(column));
      expect((profile as unknown as { skipValueCounts: boolean }).skipValueCounts).toBe(true);
      const { values: kept, ...sketches } = profile.toJSON();
      const { values: all, ...expected } = referenceJSON('c', [column], 1000);
      expect(sketches).toEqual(expected);
      expect(kept.exact).toBe(false);
      expect(all.exact).toBe(false);
    }
  });

  test('a column holding more distinct values than could be written stops counting them', () => {
    const values = Array.from({ length: 30_000 }, (_, i) =>
      i % 10 === 0 ? `rare-${i}` : `common-${i % 5}`
    );
    const profile = new ColumnProfile('c');
    profile.add({ kind: 'text', values });
    expect((profile as unknown as { skipValueCounts: boolean }).skipValueCounts).toBe(true);
    const json = profile.toJSON();
    expect(json).toEqual(referenceJSON('c', [{ kind: 'text', values }], 1000));
    expect(json.values).toMatchObject({ exact: false });
    expect(json.values.entries).toHaveLength(UNWRITTEN_DISTINCT + 1);
  });

  test('a column of up to that many distinct values keeps counting them exactly', () => {
    const values = Array.from(
      { length: 60 * UNWRITTEN_DISTINCT },
      (_, i) => `v-${i % UNWRITTEN_DISTINCT}`
    );
    const profile = new ColumnProfile('c');
    profile.add({ kind: 'text', values });
    expect((profile as unknown as { skipValueCounts: boolean }).skipValueCounts).toBe(false);
    const json = profile.toJSON();
    expect(json.values.exact).toBe(true);
    expect(json.values.entries).toHaveLength(UNWRITTEN_DISTINCT);
    expect(json.values.entries[0]).toEqual(['v-0', 60]);
  });

  test('a merged profile keeps counting repeated values like a fresh one', () => {
    const a = new ColumnProfile('c');
    const b = new ColumnProfile('c');
    const first: CellColumn = { kind: 'text', values: ['x', '1', '1', 'y'] };
    const second: CellColumn = { kind: 'text', values: ['1', 'x', 'z', '2.5'] };
    a.add(typedColumn(first));
    b.add(typedColumn(second));
    a.merge(b);
    a.add(typedColumn(first));
    expect(a.toJSON()).toEqual(referenceJSON('c', [first, second, first], 1000));
  });
});

describe('ColumnProfile: numbers as Spark casts them (docs/deequ-agreement.md)', () => {
  const featureOf = (cells: (string | null)[]) => {
    const profile = new ColumnProfile('x');
    profile.add({ kind: 'text', values: cells });
    return profile.toFeature(cells.length, 'current');
  };

  test('a sign parted from its digits votes Integral but is missing from the numeric statistics', () => {
    const feature = featureOf(['- 5', '3', '+ 7', null, '4']);
    expect(feature.inferred_type).toBe('Integral');
    expect(feature.numerical_statistics).toMatchObject({
      common: { num_present: 2, num_missing: 3 },
      sum: 7,
      min: 3,
      max: 4,
      completeness: 0.4
    });
  });

  test('the same cells in a String column are present', () => {
    const feature = featureOf(['- 5', 'red', null]);
    expect(feature.string_statistics?.common).toEqual({ num_present: 2, num_missing: 1 });
  });

  test('an Integral -0 is the long 0', () => {
    const feature = featureOf(['-0', '0']);
    const data = feature.numerical_statistics?.distribution?.kll.sketch.data;
    expect(data?.[0].map(x => Object.is(x, -0))).toEqual([false, false]);
  });
});
