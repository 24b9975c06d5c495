/**
 * The buffer readers of arrowColumns.ts give exactly the cells of apache-arrow's per-cell `get`
 * (arrowCells.ts, the reading they replace), and the same profile, on random tables of every
 * supported type: nulls, several record batches, sliced vectors, dictionaries, IPC round trips.
 */
import fc from 'fast-check';
import {
  Bool,
  DataType,
  DateDay,
  Decimal,
  Dictionary,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  makeData,
  makeVector,
  RecordBatch,
  Table,
  tableFromIPC,
  tableToIPC,
  TimestampMillisecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  Vector,
  vectorFromArray
} from 'apache-arrow';
import { ArrowCell, arrowCells } from '../../../src/engine/io/arrowCells';
import { toColumn } from '../../../src/engine/io/arrowColumns';
import { readArrow } from '../../../src/engine/io/arrowReader';
import { cellAt, ColumnBatch } from '../../../src/engine/io/batch';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { collect, context } from './readHelpers';
import { CellColumn, typedColumn } from '../profile/typedColumns';

type Spec = { type: () => DataType; cell: fc.Arbitrary<unknown> };

const doubles = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 0.1, 1e21),
  fc.integer({ min: -3, max: 3 })
);
const words = fc.constantFrom('a', 'bb', 'é', '日本', '', ' 5', 'true', '3.0', 'x y');

const SPECS: Record<string, Spec> = {
  f64: { type: () => new Float64(), cell: doubles },
  f32: { type: () => new Float32(), cell: doubles.map(Math.fround) },
  i8: { type: () => new Int8(), cell: fc.integer({ min: -128, max: 127 }) },
  i16: { type: () => new Int16(), cell: fc.integer({ min: -32768, max: 32767 }) },
  i32: { type: () => new Int32(), cell: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
  u8: { type: () => new Uint8(), cell: fc.integer({ min: 0, max: 255 }) },
  u16: { type: () => new Uint16(), cell: fc.integer({ min: 0, max: 65535 }) },
  u32: { type: () => new Uint32(), cell: fc.integer({ min: 0, max: 2 ** 32 - 1 }) },
  i64: {
    type: () => new Int64(),
    cell: fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.bigInt({ min: -5n, max: 5n }),
      fc.constantFrom(2n ** 53n, -(2n ** 53n), 2n ** 53n - 1n, -(2n ** 53n) + 1n)
    )
  },
  u64: {
    type: () => new Uint64(),
    cell: fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 9n }))
  },
  utf8: { type: () => new Utf8(), cell: fc.oneof(words, fc.string({ maxLength: 4 })) },
  dict: { type: () => new Dictionary(new Utf8(), new Int32()), cell: words },
  dict8: { type: () => new Dictionary(new Utf8(), new Int8()), cell: words },
  bool: { type: () => new Bool(), cell: fc.boolean() },
  ts: {
    type: () => new TimestampMillisecond(),
    cell: fc.integer({ min: 0, max: 2e12 }).map(ms => new Date(ms))
  },
  date: {
    type: () => new DateDay(),
    cell: fc.integer({ min: 0, max: 30000 }).map(day => new Date(day * 86400000))
  }
};

const column = fc
  .constantFrom(...Object.keys(SPECS))
  .chain(name =>
    fc
      .array(fc.option(SPECS[name].cell, { freq: 4 }), { minLength: 1, maxLength: 40 })
      .map(cells => ({ name, cells }))
  );

/** A table of several record batches, each its own vectors (its own dictionaries). */
const table = fc
  .tuple(fc.uniqueArray(column, { selector: c => c.name, minLength: 1, maxLength: 5 }), fc.nat(3))
  .map(([columns, cuts]) => {
    const rows = Math.min(...columns.map(c => c.cells.length));
    const bounds = cutPoints(rows, cuts);
    const batches = bounds.slice(1).map((end, k) => {
      const vectors: Record<string, Vector> = {};
      for (const { name, cells } of columns) {
        vectors[name] = vectorFromArray(cells.slice(bounds[k], end), SPECS[name].type());
      }
      return new Table(vectors).batches[0];
    });
    const schema = batches[0].schema;
    return new Table(
      schema,
      batches.map(b => new RecordBatch(schema, b.data))
    );
  });

function cutPoints(rows: number, cuts: number): number[] {
  const points = [0];
  for (let k = 1; k <= cuts; k++) {
    points.push(Math.floor((rows * k) / (cuts + 1)));
  }
  points.push(rows);
  return [...new Set(points)];
}

/** The file format keeps one dictionary per column: the first batch, cut into slices. */
function oneDictionary(t: Table): Table {
  const [batch] = t.batches;
  const half = Math.floor(batch.numRows / 2);
  return new Table(t.schema, [batch.slice(0, half), batch.slice(half)]);
}

/** A wide integer's cell is a BigInt either way; a safe one may be a number in the typed column. */
function sameCell(cell: ArrowCell): ArrowCell {
  return typeof cell === 'bigint' && Number.isSafeInteger(Number(cell)) ? Number(cell) : cell;
}

function expectSameCells(vector: Vector): void {
  const column = toColumn(vector);
  const cells = Array.from({ length: vector.length }, (_, row) => cellAt(column, row));
  expect(cells.map(sameCell)).toEqual(arrowCells(vector).map(sameCell));
}

/** The batch as the replaced reader made it: `get` per cell, typed columns built from those cells. */
function referenceBatch(batch: RecordBatch): ColumnBatch {
  const names = batch.schema.fields.map(field => field.name);
  const columns = names.map((_, i) => {
    const vector = batch.getChildAt(i)!;
    const kind = toColumn(vector).kind;
    return typedColumn({ kind, values: arrowCells(vector) } as CellColumn);
  });
  return { names, columns, rowCount: batch.numRows };
}

describe('typed Arrow columns = apache-arrow get per cell', () => {
  test('every record batch, whole and sliced', () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.nat(), (t, from, span) => {
        for (const batch of t.batches) {
          const start = from % (batch.numRows + 1);
          const sliced = batch.slice(start, start + (span % (batch.numRows - start + 1)));
          for (const b of [batch, sliced]) {
            b.schema.fields.forEach((_, i) => expectSameCells(b.getChildAt(i)!));
          }
        }
      }),
      { numRuns: 200 }
    );
  });

  test('a vector of several chunks (a table column)', () => {
    fc.assert(
      fc.property(table, t => {
        t.schema.fields.forEach((_, i) => expectSameCells(t.getChildAt(i)!));
      }),
      { numRuns: 100 }
    );
  });

  test('decimals (read through get)', () => {
    const words = Uint32Array.from([150, 0, 0, 0, 0xffffff9c, ~0, ~0, ~0, 7, 0, 0, 0]);
    const vector = makeVector(makeData({ type: new Decimal(2, 10, 128), length: 3, data: words }));
    const column = toColumn(vector);
    expect([0, 1, 2].map(row => cellAt(column, row))).toEqual([1.5, -1, 0.07]);
  });

  test('IPC file and stream: the same profile as from get per cell', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('file', 'stream'), async (t, format) => {
        const bytes = tableToIPC(
          format === 'file' ? oneDictionary(t) : t,
          format as 'file' | 'stream'
        );
        const typed = new DatasetProfile();
        const reference = new DatasetProfile();
        for (const batch of await collect(readArrow([bytes], context('t.arrow')))) {
          typed.add(batch);
        }
        tableFromIPC(bytes).batches.forEach(batch => reference.add(referenceBatch(batch)));
        expect(typed.toJSON()).toEqual(reference.toJSON());
      }),
      { numRuns: 100 }
    );
  });
});
