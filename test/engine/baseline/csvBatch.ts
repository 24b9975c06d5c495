/**
 * A deliberately tiny CSV split for these tests (no quoting; the real reader lives in src/engine/io):
 * every cell becomes a text value, an empty cell null.
 */
import { ColumnBatch } from '../../../src/engine/io/batch';
import { valuesOf } from '../io/readHelpers';

export function csvToBatch(text: string, header: boolean): ColumnBatch {
  const lines = text.split(/\r?\n/).filter(line => line.length > 0);
  const rows = lines.map(line => line.split(','));
  const names = header ? rows.shift()! : rows[0].map((_, i) => `_c${i}`);
  const columns = names.map((_, c) => ({
    kind: 'text' as const,
    values: rows.map(row => (row[c] === undefined || row[c] === '' ? null : row[c]))
  }));
  return { names, columns, rowCount: rows.length };
}

/** Splits a batch into consecutive row ranges of the given sizes (the rest goes last). */
export function splitBatch(batch: ColumnBatch, at: number[]): ColumnBatch[] {
  const bounds = [0, ...at, batch.rowCount];
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i];
    return {
      names: batch.names,
      columns: batch.columns.map(c => ({
        kind: 'text' as const,
        values: Array.from(valuesOf(c)).slice(start, end) as (string | null)[]
      })),
      rowCount: end - start
    };
  });
}
