import fc from 'fast-check';
import { ColumnBatch } from '../../../src/engine/io/batch';
import { writeStatistics } from '../../../src/engine/format/documents';
import { DatasetProfile, ProfileJSON } from '../../../src/engine/profile/datasetProfile';
import { fractionalColumn, integralColumn } from './typedColumns';

function textBatch(columns: Record<string, (string | null)[]>): ColumnBatch {
  const names = Object.keys(columns);
  return {
    names,
    columns: names.map(name => ({ kind: 'text' as const, values: columns[name] })),
    rowCount: names.length ? columns[names[0]].length : 0
  };
}

function profileOf(...batches: ColumnBatch[]): DatasetProfile {
  const profile = new DatasetProfile();
  batches.forEach(b => profile.add(b));
  return profile;
}

describe('DatasetProfile', () => {
  test('§6.3 exact example: a, b, a as String with categorical buckets (2021 layout)', () => {
    const stats = profileOf(textBatch({ _c0: ['a', 'b', 'a'] })).toStatistics({
      generation: '2021'
    });
    expect(writeStatistics(stats)).toBe(`{
  "version" : 0.0,
  "dataset" : {
    "item_count" : 3
  },
  "features" : [ {
    "name" : "_c0",
    "inferred_type" : "String",
    "string_statistics" : {
      "common" : {
        "num_present" : 3,
        "num_missing" : 0
      },
      "distinct_count" : 2.0,
      "distribution" : {
        "categorical" : {
          "buckets" : [ {
            "value" : "a",
            "count" : 2
          }, {
            "value" : "b",
            "count" : 1
          } ]
        }
      }
    }
  } ]
}`);
  });

  test('§6.3 numeric example: 1, 2, 3, 4', () => {
    const stats = profileOf(textBatch({ _c0: ['1', '2', '3', '4'] })).toStatistics({
      generation: '2021'
    });
    const text = writeStatistics(stats);
    expect(text).toContain(
      '"mean" : 2.5,\n      "sum" : 10.0,\n      "std_dev" : 1.118033988749895'
    );
    expect(text).toContain('"data" : [ [ 1.0, 2.0, 3.0, 4.0 ] ]');
    const buckets = stats.features[0].numerical_statistics!.distribution!.kll.buckets;
    expect([
      buckets[0].lower_bound,
      buckets[0].upper_bound,
      buckets[9].lower_bound,
      buckets[9].upper_bound
    ]).toEqual([1, 1.3, 3.7, 4]);
  });

  test('current generation adds completeness and approximate_num_distinct_values', () => {
    const stats = profileOf(
      textBatch({ n: ['1', null, '3', '3'], s: ['x', 'y', null, null] })
    ).toStatistics();
    expect(stats.features[0].numerical_statistics).toMatchObject({
      common: { num_present: 3, num_missing: 1 },
      approximate_num_distinct_values: 2,
      completeness: 0.75
    });
    expect(stats.features[1].string_statistics).toMatchObject({
      distinct_count: 2,
      completeness: 0.5
    });
  });

  test('absent columns count as missing; columns keep first-seen order', () => {
    const profile = profileOf(
      textBatch({ a: ['1', '2'] }),
      textBatch({ b: ['x'], a: ['3'] }),
      textBatch({ b: ['y'] })
    );
    expect(profile.itemCount).toBe(4);
    expect(profile.columnNames()).toEqual(['a', 'b']);
    expect(profile.typeCounts('a')).toEqual({
      integral: 3,
      fractional: 0,
      boolean: 0,
      string: 0,
      missing: 1
    });
    expect(profile.typeCounts('b')).toMatchObject({ string: 2, missing: 2 });
  });

  test('an all-missing column is Unknown with name and type only', () => {
    const stats = profileOf(textBatch({ a: [null, null] })).toStatistics();
    expect(stats.features[0]).toEqual({ name: 'a', inferred_type: 'Unknown' });
  });

  test('one non-numeric value makes the column String; numeric stats are kept but not written', () => {
    const stats = profileOf(textBatch({ a: ['1', '2', 'x'] })).toStatistics();
    expect(stats.features[0].inferred_type).toBe('String');
    expect(stats.features[0].numerical_statistics).toBeUndefined();
  });

  test('typed columns skip the text patterns', () => {
    const profile = new DatasetProfile();
    profile.add({
      names: ['i', 'f', 'b'],
      columns: [
        integralColumn([1, 2n, null]),
        fractionalColumn([0.5, null, 1]),
        { kind: 'boolean', values: [true, false, null] }
      ],
      rowCount: 3
    });
    const [i, f, b] = profile.toStatistics().features;
    expect(i.inferred_type).toBe('Integral');
    expect(i.numerical_statistics!.sum).toBe(3);
    expect(f.inferred_type).toBe('Fractional');
    expect(b.inferred_type).toBe('String');
  });

  test('toJSON survives JSON text and restores an identical profile', () => {
    const profile = profileOf(textBatch({ a: ['1', '2.5', null], b: ['x', 'y', 'x'] }));
    const json = JSON.parse(JSON.stringify(profile.toJSON())) as ProfileJSON;
    const copy = DatasetProfile.fromJSON(json);
    expect(copy.toStatistics()).toEqual(profile.toStatistics());
    copy.add(textBatch({ a: ['7'] }));
    expect(copy.itemCount).toBe(4);
  });

  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -50, max: 50 }).map(String),
    fc.double({ min: -100, max: 100, noNaN: true }).map(x => x.toFixed(2)),
    fc.constantFrom('red', 'green', 'blue')
  );

  test('a later part told that a column needs no value lookups skips them, with the same statistics', () => {
    const part = (from: number, rows = 20_000): ColumnBatch => {
      const x = Array.from({ length: rows }, (_, i) => ((from + i) * 0.731).toFixed(3));
      const kind = Array.from({ length: rows }, (_, i) => `k${i % 4}`);
      return {
        names: ['x', 'kind'],
        columns: [
          { kind: 'text', values: x },
          { kind: 'text', values: kind }
        ],
        rowCount: rows
      };
    };
    const first = new DatasetProfile();
    first.add(part(0));
    expect(first.columnsSkippingValueCounts()).toEqual(['x']);
    const hinted = new DatasetProfile({ skipValueCountsOf: new Set(['x']) });
    const plain = new DatasetProfile();
    for (const profile of [hinted, plain]) {
      profile.add(part(20_000, 100));
      profile.add(part(20_100, 19_900));
    }
    expect(hinted.columnsSkippingValueCounts()).toEqual(['x']);
    expect(plain.columnsSkippingValueCounts()).toEqual(['x']);
    const early = new DatasetProfile({ skipValueCountsOf: new Set(['x']) });
    early.add(part(0, 100));
    expect(early.columnsSkippingValueCounts()).toEqual(['x']);
    expect(profileOf(part(0, 100)).columnsSkippingValueCounts()).toEqual([]);
    const statistics = (second: DatasetProfile) => {
      const merged = DatasetProfile.fromJSON(first.toJSON());
      merged.merge(second);
      return writeStatistics(merged.toStatistics());
    };
    expect(statistics(hinted)).toBe(statistics(plain));
    const small = new DatasetProfile({ categoricalLimit: 10, skipValueCountsOf: new Set(['x']) });
    small.add(part(0));
    expect(small.column('x')!.skipsValueCounts).toBe(false);
  });

  test('merge of row ranges = profile of their concatenation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 0, maxLength: 200 }),
        fc.nat(),
        fc.boolean(),
        (rows, cut, dropColumn) => {
          const at = cut % (rows.length + 1);
          const batchOf = (part: typeof rows, withB: boolean) =>
            textBatch(
              withB
                ? { a: part.map(r => r[0]), b: part.map(r => r[1]) }
                : { a: part.map(r => r[0]) }
            );
          const first = profileOf(batchOf(rows.slice(0, at), true));
          const second = profileOf(batchOf(rows.slice(at), !dropColumn));
          first.merge(second);
          const whole = profileOf(
            textBatch({
              a: rows.map(r => r[0]),
              b: rows.map((r, i) => (dropColumn && i >= at ? null : r[1]))
            })
          );
          expect(first.itemCount).toBe(whole.itemCount);
          for (const name of ['a', 'b']) {
            expect(first.typeCounts(name)).toEqual(whole.typeCounts(name));
          }
          const merged = first.toStatistics();
          const single = whole.toStatistics();
          merged.features.forEach((feature, i) => {
            const other = single.features[i];
            expect(feature.inferred_type).toBe(other.inferred_type);
            expect(feature.string_statistics).toEqual(other.string_statistics);
            const m = feature.numerical_statistics;
            const o = other.numerical_statistics;
            if (m && o) {
              expect(m.common).toEqual(o.common);
              expect(m.approximate_num_distinct_values).toBe(o.approximate_num_distinct_values);
              expect([m.min, m.max]).toEqual([o.min, o.max]);
              expect(m.sum).toBeCloseTo(o.sum, 6);
              expect(m.std_dev).toBeCloseTo(o.std_dev, 6);
              // Fewer than 2050 items: one level, row order, so the sketches are identical.
              expect(m.distribution).toEqual(o.distribution);
            }
          });
        }
      ),
      { numRuns: 200 }
    );
  });
});
