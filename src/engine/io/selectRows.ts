import { cellAt, Column, ColumnBatch, Presence } from './batch';

/** The rows of `batch` at `rows` (ascending), as a batch of their own with the same columns. */
export function selectRows(batch: ColumnBatch, rows: readonly number[]): ColumnBatch {
  const selected: ColumnBatch = {
    names: batch.names,
    columns: batch.columns.map(column => selectColumn(column, rows)),
    rowCount: rows.length
  };
  if (batch.origins) {
    selected.origins = rows.map(row => batch.origins![row]);
  }
  return selected;
}

function selectColumn(column: Column, rows: readonly number[]): Column {
  switch (column.kind) {
    case 'text':
    case 'boolean':
      return { kind: column.kind, values: rows.map(row => column.values[row]) } as Column;
    case 'fractional':
      return {
        kind: 'fractional',
        values: Float64Array.from(rows, row => column.values[row]),
        present: selectPresence(column.present, rows)
      };
    case 'integral':
      return {
        kind: 'integral',
        values: Float64Array.from(rows, row => column.values[row]),
        present: selectPresence(column.present, rows),
        wide: selectWide(column.wide, rows)
      };
    case 'scanned':
      // Scanned cells are views the core reuses: their text is taken now.
      return { kind: 'text', values: rows.map(row => cellAt(column, row) as string | null) };
  }
}

function selectPresence(present: Presence, rows: readonly number[]): Presence {
  return present === null ? null : Uint8Array.from(rows, row => present[row]);
}

function selectWide(
  wide: Map<number, bigint> | null,
  rows: readonly number[]
): Map<number, bigint> | null {
  if (wide === null) {
    return null;
  }
  const selected = new Map<number, bigint>();
  rows.forEach((row, i) => {
    const value = wide.get(row);
    if (value !== undefined) {
      selected.set(i, value);
    }
  });
  return selected.size > 0 ? selected : null;
}
