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
