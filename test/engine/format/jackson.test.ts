import { writeJackson, quoteJson } from '../../../src/engine/format/jackson';
import { isLongPath } from '../../../src/engine/format/documents';

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
});
