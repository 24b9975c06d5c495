/** Invalid UTF-8 bytes reject their record with an invalid_utf8 diagnostic, in any chunking. */
import { readCapture } from '../../../src/engine/io/captureReader';
import { decodeText } from '../../../src/engine/io/chunks';
import { readCsv } from '../../../src/engine/io/csvReader';
import { readJsonLines } from '../../../src/engine/io/jsonLinesReader';
import { collect, context, rowsOf } from './readHelpers';

const encode = (text: string) => new TextEncoder().encode(text);

function withBytes(before: string, bad: number[], after: string): Uint8Array {
  return new Uint8Array([...encode(before), ...bad, ...encode(after)]);
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    chunks.push(bytes.subarray(i, i + size));
  }
  return chunks;
}

const SIZES = [1, 2, 3, 5, 1000];

async function decoded(chunks: Uint8Array[]): Promise<string> {
  let text = '';
  for await (const piece of decodeText(chunks)) {
    text += piece;
  }
  return text;
}

test.each(SIZES)(
  'valid multi-byte text and a real U+FFFD decode unchanged (chunks of %i)',
  async size => {
    const text = '\ufeffé€😀\ufffd\na';
    expect(await decoded(chunked(encode(text), size))).toBe(text.slice(1));
  }
);

test.each(SIZES)('CSV: the record with bytes FF FE is rejected (chunks of %i)', async size => {
  const ctx = context('t.csv');
  const bytes = withBytes('a,b\n1,2\n', [0xff, 0xfe], ',4\n5,é\n');
  const rows = rowsOf(await collect(readCsv(chunked(bytes, size), { header: true }, ctx)));
  expect(rows).toEqual([
    { a: '1', b: '2' },
    { a: '5', b: 'é' }
  ]);
  expect(ctx.counts).toEqual({ records: 3, rejected: 1, rows: 2 });
  expect(ctx.diagnostics.summary().examples).toEqual([
    expect.objectContaining({ kind: 'invalid_utf8', file: 't.csv', line: 3, field: 'a' })
  ]);
});

test.each(SIZES)(
  'JSON lines: the line with a cut character is rejected (chunks of %i)',
  async size => {
    const ctx = context('t.jsonl');
    const bytes = withBytes('{"a":"é"}\n{"a":"', [0xe2, 0x82], '"}\n{"a":"€"}\n');
    const rows = rowsOf(await collect(readJsonLines(chunked(bytes, size), {}, ctx)));
    expect(rows).toEqual([{ a: 'é' }, { a: '€' }]);
    expect(ctx.counts).toEqual({ records: 3, rejected: 1, rows: 2 });
    expect(ctx.diagnostics.summary().examples).toEqual([
      expect.objectContaining({ kind: 'invalid_utf8', line: 2 })
    ]);
  }
);

test('captures: a line ending in a cut character is rejected', async () => {
  const ctx = context('t.jsonl');
  const bytes = withBytes('{"captureData":', [0xf0, 0x9f], '');
  await collect(readCapture([bytes], {}, ctx));
  expect(ctx.counts).toEqual({ records: 1, rejected: 1, rows: 0 });
  expect(ctx.diagnostics.summary().counts).toEqual({ invalid_utf8: 1 });
});

/** Characters whose UTF-16 form ends in U+DFFF, the code unit that also marks an invalid byte. */
const ENDS_IN_DFFF = ['\u{1F3FF}', '\u{103FF}', '\u{10FFFF}'];

test.each(SIZES)(
  'characters whose UTF-16 ends in U+DFFF are text, not invalid bytes, in every reader (chunks of %i)',
  async size => {
    const [skinTone, other, last] = ENDS_IN_DFFF;
    const csv = context('t.csv');
    const csvBytes = withBytes(`a,b\n${skinTone},${other}\n`, [0xff], `,x\n${last},y\n`);
    const csvRows = rowsOf(await collect(readCsv(chunked(csvBytes, size), { header: true }, csv)));
    expect(csvRows).toEqual([
      { a: skinTone, b: other },
      { a: last, b: 'y' }
    ]);
    expect(csv.counts).toEqual({ records: 3, rejected: 1, rows: 2 });

    const jsonl = context('t.jsonl');
    const jsonBytes = encode(`{"a":"👋${skinTone}"}\n{"a":"${last}"}\n`);
    const jsonRows = rowsOf(await collect(readJsonLines(chunked(jsonBytes, size), {}, jsonl)));
    expect(jsonRows).toEqual([{ a: `👋${skinTone}` }, { a: last }]);
    expect(jsonl.counts).toEqual({ records: 2, rejected: 0, rows: 2 });
  }
);

test('captures: a payload with U+1F3FF is read, and an invalid byte after it is still caught', async () => {
  const record = (data: string) =>
    JSON.stringify({
      captureData: {
        endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data, encoding: 'CSV' }
      },
      eventMetadata: { eventId: 'e', inferenceTime: '2024-01-01T00:00:00Z' },
      eventVersion: '0'
    });
  const ctx = context('t.jsonl');
  const bytes = withBytes(`${record('1,\u{1F3FF}')}\n${record('2,\u{1F3FF}')}`, [0xff], '\n');
  const rows = rowsOf(await collect(readCapture([bytes], {}, ctx)));
  expect(rows).toHaveLength(1);
  expect(Object.values(rows[0])).toContain('\u{1F3FF}');
  expect(ctx.counts).toMatchObject({ records: 2, rejected: 1 });
  expect(ctx.diagnostics.summary().counts).toEqual({ invalid_utf8: 1 });
});
