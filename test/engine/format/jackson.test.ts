import fc from 'fast-check';
import { writeJackson, quoteJson } from '../../../src/engine/format/jackson';
import { formatDocument, isLongPath } from '../../../src/engine/format/documents';
import { formatJavaDouble } from '../../../src/engine/format/javaDouble';

/** An array of doubles written one item at a time, as the writer does without its fast path. */
function itemByItem(items: number[]): string {
  const texts = items.map(x => (Number.isFinite(x) ? formatJavaDouble(x) : `"${x}"`));
  return `[ ${texts.join(', ')} ]`;
}

describe('writeJackson (Jackson default pretty printer, FORMATS.md §6.1)', () => {
  test('objects indent, arrays stay on one line, no final newline', () => {
    const text = writeJackson({ a: [{ b: 1 }, { b: 2 }], c: [[3, 1]], d: {}, e: [] });
    expect(text).toBe(
      '{\n  "a" : [ {\n    "b" : 1.0\n  }, {\n    "b" : 2.0\n  } ],\n  "c" : [ [ 3.0, 1.0 ] ],\n  "d" : { },\n  "e" : [ ]\n}'
    );
  });

  test('longs are chosen by path, NaN is a string', () => {
    const text = writeJackson(
      { dataset: { item_count: 3 }, std: NaN, inf: -Infinity, big: 10n },
      isLongPath
    );
    expect(text).toBe(
      '{\n  "dataset" : {\n    "item_count" : 3\n  },\n  "std" : "NaN",\n  "inf" : "-Infinity",\n  "big" : 10\n}'
    );
  });

  test('categorical counts are longs, KLL bucket counts doubles', () => {
    expect(
      isLongPath([
        'features',
        0,
        'string_statistics',
        'distribution',
        'categorical',
        'buckets',
        0,
        'count'
      ])
    ).toBe(true);
    expect(
      isLongPath([
        'features',
        0,
        'numerical_statistics',
        'distribution',
        'kll',
        'buckets',
        0,
        'count'
      ])
    ).toBe(false);
    expect(isLongPath(['x-jupyterlab-model-monitor', 'version'])).toBe(true);
    expect(isLongPath(['version'])).toBe(false);
  });

  test('string escapes follow Jackson defaults', () => {
    expect(quoteJson('a"b\\c/d\n\t\u0001é')).toBe('"a\\"b\\\\c/d\\n\\t\\u0001é"');
  });

  test('Maps keep integer-like keys in insertion order', () => {
    expect(
      writeJackson(
        new Map([
          ['1', 1],
          ['0', 2]
        ])
      )
    ).toBe('{\n  "1" : 1.0,\n  "0" : 2.0\n}');
  });

  test('an array of numbers is written as item by item, whatever the numbers', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      1e-3,
      0.000999,
      1e7,
      9999999.5,
      12345678,
      5e-324,
      1e21,
      NaN,
      -Infinity
    ];
    for (const x of edges) {
      for (const items of [[0.5, x, 2], [x, x, 7, x], [x]]) {
        expect(writeJackson(items)).toBe(itemByItem(items));
      }
    }
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e7, max: 1e7 })), {
          minLength: 1
        }),
        items => {
          expect(writeJackson(items)).toBe(itemByItem(items));
        }
      ),
      { numRuns: 500 }
    );
  });

  test("an array of longs is written without '.0', and so is a mixed array's string", () => {
    expect(writeJackson({ num_present: [3, 4] }, path => path[0] === 'num_present')).toBe(
      '{\n  "num_present" : [ 3, 4 ]\n}'
    );
    expect(writeJackson({ items: [3, '4', 5.5] })).toBe('{\n  "items" : [ 3.0, "4", 5.5 ]\n}');
  });

  test('an unknown document keeps each number as written, in arrays of mixed kinds too', () => {
    const text = '{"x": [2.5, 3, 4.0], "y": [3, 2.5], "z": [1.0, 2.0]}';
    expect(formatDocument(text)).toBe(
      '{\n  "x" : [ 2.5, 3, 4.0 ],\n  "y" : [ 3, 2.5 ],\n  "z" : [ 1.0, 2.0 ]\n}'
    );
  });
});
