/** Typed columns (as the Arrow reader makes them) from plain cell lists, for tests. */
import { Column, FractionalColumn, IntegralColumn } from '../../../src/engine/io/batch';

/** A column as a list of cells: what `cellAt` gives for every row. */
export type CellColumn =
  | { kind: 'text'; values: (string | null)[] }
  | { kind: 'integral'; values: (number | bigint | null)[] }
  | { kind: 'fractional'; values: (number | null)[] }
  | { kind: 'boolean'; values: (boolean | null)[] };

export function typedColumn(column: CellColumn): Column {
  switch (column.kind) {
    case 'integral':
      return integralColumn(column.values);
    case 'fractional':
      return fractionalColumn(column.values);
    default:
      return column;
  }
}

export function integralColumn(cells: (number | bigint | null)[]): IntegralColumn {
  const present = Uint8Array.from(cells, cell => (cell === null ? 0 : 1));
  const wide = new Map<number, bigint>();
  cells.forEach((cell, row) => {
    if (typeof cell === 'bigint' && !Number.isSafeInteger(Number(cell))) {
      wide.set(row, cell);
    }
  });
  return {
    kind: 'integral',
    values: Float64Array.from(cells, cell => (cell === null ? 0 : Number(cell))),
    present,
    wide: wide.size > 0 ? wide : null
  };
}

export function fractionalColumn(cells: (number | null)[]): FractionalColumn {
  return {
    kind: 'fractional',
    values: Float64Array.from(cells, cell => cell ?? 0),
    present: Uint8Array.from(cells, cell => (cell === null ? 0 : 1))
  };
}
