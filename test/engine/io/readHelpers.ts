import { DiagnosticsCollector } from '../../../src/engine/diagnostics';
import { Column, ColumnBatch } from '../../../src/engine/io/batch';
import { createReadContext, ReadContext } from '../../../src/engine/io/readContext';

/** Rows of batches as objects keyed by column name (absent or null cells are null). */
export function rowsOf(batches: ColumnBatch[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const batch of batches) {
    for (let r = 0; r < batch.rowCount; r++) {
      const row: Record<string, unknown> = {};
      batch.names.forEach((name, c) => {
        row[name] = valuesOf(batch.columns[c])[r];
      });
      rows.push(row);
    }
  }
  return rows;
}

/**
 * A column's values as the reader gave them; these helpers read with scanned cells off, so a
 * scanned column here is a mistake in the test.
 */
export function valuesOf(column: Column): ArrayLike<unknown> {
  if (column.kind === 'scanned') {
    throw new Error('a scanned column: read with scanCells off');
  }
  return column.values;
}

export async function collect(batches: AsyncIterable<ColumnBatch>): Promise<ColumnBatch[]> {
  const all: ColumnBatch[] = [];
  for await (const batch of batches) {
    all.push(batch);
  }
  return all;
}

export function context(file = 'test.txt', batchSize = 3): ReadContext {
  return { ...createReadContext(file, new DiagnosticsCollector(100)), batchSize };
}

export function bytesOf(text: string, chunkSize: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) {
    chunks.push(bytes.subarray(i, i + chunkSize));
  }
  return chunks;
}
