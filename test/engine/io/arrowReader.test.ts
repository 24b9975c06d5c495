import {
  tableFromArrays,
  tableToIPC,
  vectorFromArray,
  Table,
  Utf8,
  Bool,
  Int64
} from 'apache-arrow';
import { readArrow } from '../../../src/engine/io/arrowReader';
import { cellAt } from '../../../src/engine/io/batch';
import { collect, context } from './readHelpers';

function sampleTable(): Table {
  return new Table({
    f: vectorFromArray([1.5, null, 3]),
    i: vectorFromArray([1n, 2n, null], new Int64()),
    s: vectorFromArray(['a', null, 'c'], new Utf8()),
    b: vectorFromArray([true, false, null], new Bool())
  });
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    chunks.push(bytes.slice(i, i + size));
  }
  return chunks;
}

describe('readArrow', () => {
  it.each(['stream', 'file'] as const)(
    'reads the IPC %s format into typed columns',
    async format => {
      const bytes = tableToIPC(sampleTable(), format);
      const ctx = context('t.arrow');
      const batches = await collect(readArrow(chunked(bytes, 7), ctx));
      expect(batches).toHaveLength(1);
      const [batch] = batches;
      expect(batch.names).toEqual(['f', 'i', 's', 'b']);
      expect(batch.columns.map(column => column.kind)).toEqual([
        'fractional',
        'integral',
        'text',
        'boolean'
      ]);
      expect(batch.columns.map(column => [0, 1, 2].map(row => cellAt(column, row)))).toEqual([
        [1.5, null, 3],
        [1, 2, null],
        ['a', null, 'c'],
        [true, false, null]
      ]);
      expect(ctx.counts).toEqual({ records: 3, rejected: 0, rows: 3 });
    }
  );

  it('reads dictionary-encoded strings as text', async () => {
    const table = tableFromArrays({ d: ['x', 'y', 'x'] });
    const batches = await collect(readArrow([tableToIPC(table, 'stream')], context()));
    expect(batches[0].columns[0]).toEqual({ kind: 'text', values: ['x', 'y', 'x'] });
  });
});
