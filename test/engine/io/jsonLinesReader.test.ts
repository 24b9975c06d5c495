import { readJsonLines } from '../../../src/engine/io/jsonLinesReader';
import { parseRawJson, RawNumber } from '../../../src/engine/io/rawJson';
import { MAX_RECORD_CHARS } from '../../../src/engine/io/readLimits';
import { bytesOf, collect, context, rowsOf, valuesOf } from './readHelpers';

describe('parseRawJson', () => {
  it('keeps number tokens as written', () => {
    expect(parseRawJson('{"a": 3.0, "b": [1e5, -2]}')).toEqual({
      a: new RawNumber('3.0'),
      b: [new RawNumber('1e5'), new RawNumber('-2')]
    });
  });

  it('decodes escapes and rejects trailing text', () => {
    expect(parseRawJson('"a\\"b\\u00e9"')).toBe('a"bé');
    expect(() => parseRawJson('{} x')).toThrow(/position 3/);
    expect(() => parseRawJson('{"a":')).toThrow(/end of JSON/);
  });
});

describe('readJsonLines', () => {
  it('reads a "__proto__" key as a column like any other, as JSON.parse does', async () => {
    const ctx = context('t.jsonl');
    const lines = '{"__proto__":"x","a":1}\n{"__proto__":{"b":2},"a":3}\n';
    const [batch] = await collect(readJsonLines(bytesOf(lines, 7), {}, ctx));
    expect(batch.names).toEqual(['__proto__', 'a']);
    expect(batch.columns.map(valuesOf)).toEqual([
      ['x', '{"b":2}'],
      ['1', '3']
    ]);
    expect(Object.getPrototypeOf(parseRawJson('{"__proto__":{"b":2}}'))).toBe(Object.prototype);
  });

  it('sorts columns by key and keeps scalars as their JSON text', async () => {
    const rows = rowsOf(
      await collect(readJsonLines(['{"b": 3.0, "a": "x", "c": true, "d": null}\n'], {}, context()))
    );
    expect(rows).toEqual([{ a: 'x', b: '3.0', c: 'true', d: null }]);
    const batch = (await collect(readJsonLines(['{"b":1,"a":2}'], {}, context())))[0];
    expect(batch.names).toEqual(['a', 'b']);
  });

  it('fills keys absent from a line with null and adds new keys in sorted order', async () => {
    const batches = await collect(
      readJsonLines(['{"b":1}\n{"a":2,"c":{"x":1}}\n'], {}, context('f', 10))
    );
    expect(batches[0].names).toEqual(['a', 'b', 'c']);
    expect(rowsOf(batches)).toEqual([
      { a: null, b: '1', c: null },
      { a: '2', b: null, c: '{"x":1}' }
    ]);
  });

  it('places the cells of lines of one shape, another shape and a repeated key alike', async () => {
    const lines = '{"b":1,"a":2}\n{"b":3,"a":4}\n{"a":5,"b":6,"a":7}\n{"c":8}\n{"b":9,"a":0}\n';
    const batches = await collect(readJsonLines([lines], {}, context('f', 10)));
    expect(batches[0].names).toEqual(['a', 'b', 'c']);
    expect(rowsOf(batches)).toEqual([
      { a: '2', b: '1', c: null },
      { a: '4', b: '3', c: null },
      { a: '7', b: '6', c: null },
      { a: null, b: null, c: '8' },
      { a: '0', b: '9', c: null }
    ]);
  });

  it('reports malformed lines with file and line, counting the good lines around them', async () => {
    const ctx = context('data.jsonl');
    const rows = rowsOf(
      await collect(readJsonLines(['{"a":1}\n{"a":\n\n[1,2]\n{"a":2}'], {}, ctx))
    );
    expect(rows).toEqual([{ a: '1' }, { a: '2' }]);
    expect(ctx.counts).toEqual({ records: 4, rejected: 2, rows: 2 });
    expect(ctx.diagnostics.summary().examples.map(d => [d.file, d.line, d.kind])).toEqual([
      ['data.jsonl', 2, 'malformed_json'],
      ['data.jsonl', 4, 'malformed_json']
    ]);
  });

  it('gives the same rows for any chunking', async () => {
    const text = '{"é":"ü","n":1.50}\r\n{"n":2}\n\n{"é":"日本"}';
    const expected = rowsOf(await collect(readJsonLines([text], {}, context())));
    for (const size of [1, 2, 3, 4, 9]) {
      expect(rowsOf(await collect(readJsonLines(bytesOf(text, size), {}, context())))).toEqual(
        expected
      );
    }
  });
});

describe('read limits', () => {
  it('skips, and rejects, the rest of a file without line breaks instead of gathering it', async () => {
    const piece = 'x'.repeat(1024 * 1024);
    const chunks = function* () {
      yield '{"a":1}\n';
      for (let i = 0; i <= MAX_RECORD_CHARS / piece.length; i++) {
        yield piece;
      }
    };
    const ctx = context();
    expect(rowsOf(await collect(readJsonLines(chunks(), {}, ctx)))).toEqual([{ a: '1' }]);
    expect(ctx.counts).toEqual({ records: 2, rejected: 1, rows: 1 });
    expect(ctx.diagnostics.summary().examples).toEqual([
      expect.objectContaining({ kind: 'record_too_long', line: 2 })
    ]);
  });
});
