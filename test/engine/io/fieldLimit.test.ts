import { readCapture } from '../../../src/engine/io/captureReader';
import { readCsv } from '../../../src/engine/io/csvReader';
import { readJsonLines } from '../../../src/engine/io/jsonLinesReader';
import { bytesOf, collect, context, rowsOf } from './readHelpers';

// #22 item 5: a record wider than the field limit is rejected and reading goes on; a CSV whose
// first line is wider stops with an error naming the file and line. The limit is 4 here.
function limited(file: string) {
  return { ...context(file, 100), maxFields: 4 };
}

function capture(input: string, output = '0.5'): string {
  const side = (mode: string, data: string) => ({
    mode,
    observedContentType: 'text/csv',
    data,
    encoding: 'CSV'
  });
  return JSON.stringify({
    captureData: { endpointInput: side('INPUT', input), endpointOutput: side('OUTPUT', output) },
    eventMetadata: { eventId: 'e', inferenceTime: '2026-11-01T13:00:00Z' },
    eventVersion: '0'
  });
}

describe.each([true, false])('with the byte-level core %s', scanCells => {
  test('a CSV header wider than the limit stops reading, naming file and line', async () => {
    const read = collect(
      readCsv(['a,b,c,d,e\n1,2,3,4,5\n'], { header: true, scanCells }, limited('w.csv'))
    );
    await expect(read).rejects.toThrow(
      'w.csv:1: 5 fields, more than the limit of 4 (--max-fields)'
    );
  });

  test('so does a first row without header; at the limit the file is read', async () => {
    const read = collect(readCsv(['1,2\n1,2,3,4,5\n'], { scanCells }, limited('w.csv')));
    expect(rowsOf(await read)).toEqual([{ _c0: '1', _c1: '2' }]);
    await expect(
      collect(readCsv(['1,2,3,4,5\n'], { scanCells }, limited('w.csv')))
    ).rejects.toThrow('w.csv:1: 5 fields');
  });

  test('a capture record wider than the limit is rejected and does not set the width', async () => {
    const ctx = limited('cap.jsonl');
    const lines = [capture('1,2,3,4,5,6,7,8'), capture('1,2,3'), capture('4,5,6')];
    const rows = rowsOf(
      await collect(readCapture(bytesOf(lines.join('\n'), 7), { scanCells }, ctx))
    );
    expect(rows).toEqual([
      { _c0: '0.5', _c1: '1', _c2: '2', _c3: '3' },
      { _c0: '0.5', _c1: '4', _c2: '5', _c3: '6' }
    ]);
    expect(ctx.counts).toEqual({ records: 3, rejected: 1, rows: 2 });
    expect(ctx.diagnostics.summary().examples).toEqual([
      {
        kind: 'too_many_fields',
        file: 'cap.jsonl',
        line: 1,
        field: 'captureData.endpointInput.data',
        message: '8 fields, more than the limit of 4 (--max-fields)'
      }
    ]);
  });
});

test('a JSON line with more keys than the limit is rejected, the others are read', async () => {
  const ctx = limited('x.jsonl');
  const text = '{"a":1,"b":2,"c":3,"d":4,"e":5}\n{"a":1}\n';
  expect(rowsOf(await collect(readJsonLines([text], {}, ctx)))).toEqual([{ a: '1' }]);
  expect(ctx.diagnostics.summary().counts).toEqual({ too_many_fields: 1 });
  expect(ctx.diagnostics.summary().examples[0].line).toBe(1);
});
