import fc from 'fast-check';
import { CsvParser, CsvRecord, splitCsvLine } from '../../../src/engine/io/csvParser';
import { readCsv } from '../../../src/engine/io/csvReader';
import { bytesOf, collect, context, rowsOf } from './readHelpers';

function parseAll(
  text: string,
  chunkSize = text.length || 1
): { records: CsvRecord[]; problems: number[] } {
  const records: CsvRecord[] = [];
  const problems: number[] = [];
  const parser = new CsvParser(
    r => records.push(r),
    p => problems.push(p.line)
  );
  for (let i = 0; i < text.length; i += chunkSize) {
    parser.push(text.slice(i, i + chunkSize));
  }
  parser.end();
  return { records, problems };
}

describe('CsvParser', () => {
  it('reads RFC 4180 quotes, escaped quotes and newlines inside quotes', () => {
    const { records } = parseAll('a,"b,c","say ""hi"""\n"multi\nline",x,\n');
    expect(records).toEqual([
      { fields: ['a', 'b,c', 'say "hi"'], line: 1 },
      { fields: ['multi\nline', 'x', null], line: 2 }
    ]);
  });

  it('treats an empty field as missing, quoted or not, as Spark reads it', () => {
    expect(parseAll(',"",a,""b').records[0].fields).toEqual([null, null, 'a', 'b']);
  });

  it('handles CRLF, skips blank lines and keeps line numbers', () => {
    const { records } = parseAll('1,2\r\n\r\n3,4\r\n\n5,6');
    expect(records).toEqual([
      { fields: ['1', '2'], line: 1 },
      { fields: ['3', '4'], line: 3 },
      { fields: ['5', '6'], line: 5 }
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    const { records, problems } = parseAll('a,b\n"open,c\nd\n');
    expect(records).toHaveLength(1);
    expect(problems).toEqual([2]);
  });

  it('splits quote-free lines like the simple rule: a final \\r dropped, blank lines skipped', () => {
    const token = fc.constantFrom('a', 'b1', '', ',', ',', '\n', '\n', '\r\n', '\r', ' ');
    const reference = (text: string) =>
      text.split('\n').flatMap((raw, i) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line === '') {
          return [];
        }
        const fields = line.split(',').map(f => (f === '' ? null : f));
        return [{ fields, line: i + 1 }];
      });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (t, size) => {
        const text = t.join('');
        expect(parseAll(text, size)).toEqual({ records: reference(text), problems: [] });
      }),
      { numRuns: 500 }
    );
  });

  it('switches between quoted records and quote-free lines', () => {
    const { records } = parseAll('a,"b\nc",d\ne,f\n"g"\nh,\n');
    expect(records).toEqual([
      { fields: ['a', 'b\nc', 'd'], line: 1 },
      { fields: ['e', 'f'], line: 3 },
      { fields: ['g'], line: 4 },
      { fields: ['h', null], line: 5 }
    ]);
  });

  it('gives the same records whatever the chunk size', () => {
    const text = 'h1,h2,h3\r\n1,"a ""q"" b",\n\n2,"x\r\ny",z\n3,,"""\n4,5,6';
    const whole = parseAll(text);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length }), size => {
        expect(parseAll(text, size)).toEqual(whole);
      })
    );
  });

  it('splits capture payload lines, honouring quotes', () => {
    expect(splitCsvLine('1,,x')).toEqual(['1', null, 'x']);
    expect(splitCsvLine('"a,b",2')).toEqual(['a,b', '2']);
  });
});

describe('readCsv', () => {
  it('names columns from the header, or _c0… without one', async () => {
    const withHeader = rowsOf(
      await collect(readCsv(['Churn,Account Length\n1,2\n'], { header: true }, context()))
    );
    expect(withHeader).toEqual([{ Churn: '1', 'Account Length': '2' }]);
    const without = rowsOf(await collect(readCsv(['1,2\n'], {}, context())));
    expect(without).toEqual([{ _c0: '1', _c1: '2' }]);
  });

  it('drops the UTF-8 BOM, also when it is split across byte chunks', async () => {
    const text = '\uFEFFa,b\n1,2\n';
    const rows = rowsOf(await collect(readCsv(bytesOf(text, 1), { header: true }, context())));
    expect(rows).toEqual([{ a: '1', b: '2' }]);
  });

  it('reports rows with the wrong number of fields (file, line) and keeps the good ones around them', async () => {
    const ctx = context('data.csv');
    const rows = rowsOf(
      await collect(readCsv(['a,b\n1,2\n3\n4,5,6\n7,8\n'], { header: true }, ctx))
    );
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '7', b: '8' }
    ]);
    expect(ctx.counts).toEqual({ records: 4, rejected: 2, rows: 2 });
    const { counts, examples } = ctx.diagnostics.summary();
    expect(counts).toEqual({ column_count: 2 });
    expect(examples.map(d => [d.file, d.line, d.kind])).toEqual([
      ['data.csv', 3, 'column_count'],
      ['data.csv', 4, 'column_count']
    ]);
  });

  it('yields batches of the requested size', async () => {
    const batches = await collect(readCsv(['1\n2\n3\n4\n5\n6\n7\n'], {}, context('x', 3)));
    expect(batches.map(b => b.rowCount)).toEqual([3, 3, 1]);
  });

  it('gives the same rows for any byte chunking (multi-byte characters split)', async () => {
    const text = 'név,ár\n"é,ü",€5\n"日本\n語",x\n';
    const expected = rowsOf(await collect(readCsv([text], { header: true }, context())));
    for (const size of [1, 2, 3, 5, 7]) {
      expect(
        rowsOf(await collect(readCsv(bytesOf(text, size), { header: true }, context())))
      ).toEqual(expected);
    }
  });

  it('names headerless columns by baseline feature names by position', async () => {
    const rows = rowsOf(
      await collect(readCsv(['1,2,3\n'], { featureNames: ['a', 'b'] }, context()))
    );
    expect(rows).toEqual([{ a: '1', b: '2', _c2: '3' }]);
  });
});
