import { readCsv } from '../../../src/engine/io/csvReader';
import { readJsonLines } from '../../../src/engine/io/jsonLinesReader';
import { splitLines } from '../../../src/engine/io/lines';
import { RecordTooLongError } from '../../../src/engine/io/readLimits';
import { bytesOf, collect, context, rowsOf } from './readHelpers';

// #22 item 5: a record longer than the limit (20 characters here) is skipped without being held
// whole and rejected as record_too_long; the lines after it keep their numbers.
const long = `{"a":"${'x'.repeat(60)}"}`;

describe.each([1, 7, 1000])('in chunks of %i bytes', size => {
  test('a long JSON line is rejected and the lines around it are read', async () => {
    const ctx = { ...context('x.jsonl', 100), maxRecordChars: 20 };
    const text = ['{"a":1}', long, '{"a":2}', long, '{"a":3}'].join('\n') + '\n';
    const rows = rowsOf(await collect(readJsonLines(bytesOf(text, size), {}, ctx)));
    expect(rows).toEqual([{ a: '1' }, { a: '2' }, { a: '3' }]);
    expect(ctx.counts).toEqual({ records: 5, rejected: 2, rows: 3 });
    expect(ctx.diagnostics.summary().examples).toEqual([
      {
        kind: 'record_too_long',
        file: 'x.jsonl',
        line: 2,
        message: `${long.length} characters, more than the limit of 20 (--max-record-chars)`
      },
      expect.objectContaining({ kind: 'record_too_long', line: 4 })
    ]);
  });

  test('a long last line without a line break is rejected too', async () => {
    const lines = [];
    const reported: [number, number][] = [];
    const limit = {
      maxChars: 20,
      onTooLong: (line: number, chars: number) => reported.push([line, chars])
    };
    for await (const run of splitLines(bytesOf(`a\n${long}`, size), 1, limit)) {
      lines.push(run);
    }
    expect(lines.flatMap(run => run.lines)).toEqual(['a']);
    expect(reported).toEqual([[2, long.length]]);
  });
});

test('a CSV record past the limit stops reading, naming the line and the option', async () => {
  const ctx = { ...context('x.csv', 100), maxRecordChars: 20 };
  const read = collect(readCsv([`a,b\n1,"${'y'.repeat(40)}`], { header: true }, ctx));
  await expect(read).rejects.toThrow(RecordTooLongError);
  await expect(
    collect(readCsv([`a,b\n1,"${'y'.repeat(40)}`], { header: true }, { ...ctx }))
  ).rejects.toThrow(
    'the record starting on line 2 is longer than 20 characters (--max-record-chars;'
  );
});
