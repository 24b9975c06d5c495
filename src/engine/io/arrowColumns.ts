/**
 * Arrow vectors as typed columns (FORMATS.md §1.4). Ints, floats, UTF-8 and dictionary-encoded
 * strings are read straight from their buffers (values, validity bitmap, offsets, dictionary keys);
 * any other type cell by cell through apache-arrow (arrowCells.ts). Both give the same cells,
 * corrupt buffers included: a row past the end of its values or offsets is missing, as `get` finds
 * nothing there.
 */
import { Data, DataType, Float, Precision, Type, Vector } from 'apache-arrow';
import { arrowCells, arrowKind } from './arrowCells';
import { Column, FractionalColumn, IntegralColumn } from './batch';

const TWO_32 = 4294967296;
const utf8 = new TextDecoder('utf-8');

type SmallInts = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
type Floats = Float32Array | Float64Array;
type Longs = BigInt64Array | BigUint64Array;

export function toColumn(vector: Vector): Column {
  const type = vector.type as DataType;
  const chunks = vector.data as Data[];
  switch (type.typeId) {
    case Type.Int:
      return chunks.every(chunk => isSmallInts(chunk.values) || isLongs(chunk.values))
        ? readIntegral(chunks, vector.length)
        : cellColumn(vector);
    case Type.Float:
      return (type as Float).precision !== Precision.HALF && chunks.every(c => isFloats(c.values))
        ? readFractional(chunks, vector.length)
        : cellColumn(vector);
    case Type.Utf8:
      return chunks.every(chunk => chunk.valueOffsets instanceof Int32Array)
        ? { kind: 'text', values: readUtf8(chunks, vector.length) }
        : cellColumn(vector);
    case Type.Dictionary:
      return chunks.every(chunk => chunk.dictionary && isSmallInts(chunk.values))
        ? { kind: 'text', values: readDictionary(chunks, vector.length) }
        : cellColumn(vector);
    default:
      return cellColumn(vector);
  }
}

/** A column from converted cells (types without a buffer reader). */
export function cellColumn(vector: Vector): Column {
  const cells = arrowCells(vector);
  switch (arrowKind(vector.type as DataType)) {
    case 'integral':
      return integralFromCells(cells as (number | bigint | null)[]);
    case 'fractional':
      return fractionalFromCells(cells as (number | null)[]);
    case 'boolean':
      return { kind: 'boolean', values: cells as (boolean | null)[] };
    default:
      return { kind: 'text', values: cells as (string | null)[] };
  }
}

function readFractional(chunks: Data[], length: number): FractionalColumn {
  const values = new Float64Array(length);
  const present = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    readValidity(chunk, present, at);
    const floats = chunk.values as Floats;
    for (let i = 0; i < chunk.length; i++) {
      if (i < floats.length) {
        values[at + i] = floats[i];
      } else {
        present[at + i] = 0;
      }
    }
    at += chunk.length;
  }
  return { kind: 'fractional', values, present: presenceOrNull(present) };
}

function readIntegral(chunks: Data[], length: number): IntegralColumn {
  const column: IntegralColumn = {
    kind: 'integral',
    values: new Float64Array(length),
    present: new Uint8Array(length),
    wide: null
  };
  let at = 0;
  for (const chunk of chunks) {
    readValidity(chunk, column.present!, at);
    if (isLongs(chunk.values)) {
      readLongs(chunk, column, at);
    } else {
      readSmallInts(chunk, column, at);
    }
    at += chunk.length;
  }
  column.present = presenceOrNull(column.present!);
  return column;
}

function readSmallInts(chunk: Data, column: IntegralColumn, at: number): void {
  const ints = chunk.values as SmallInts;
  const { values, present } = column;
  for (let i = 0; i < chunk.length; i++) {
    if (i < ints.length) {
      values[at + i] = ints[i];
    } else {
      present![at + i] = 0;
    }
  }
}

/** 64-bit integers from their two 32-bit words; a BigInt only for those past 2^53. */
function readLongs(chunk: Data, column: IntegralColumn, at: number): void {
  const longs = chunk.values as Longs;
  const words = new Int32Array(longs.buffer, longs.byteOffset, 2 * longs.length);
  const unsigned = longs instanceof BigUint64Array;
  const { values, present } = column;
  for (let i = 0; i < chunk.length; i++) {
    if (i >= longs.length) {
      present![at + i] = 0;
      continue;
    }
    const hi = unsigned ? words[2 * i + 1] >>> 0 : words[2 * i + 1];
    const value = hi * TWO_32 + (words[2 * i] >>> 0);
    if (Number.isSafeInteger(value)) {
      values[at + i] = value;
    } else if (present![at + i] === 1) {
      const exact = longs[i];
      values[at + i] = Number(exact);
      (column.wide ??= new Map()).set(at + i, exact);
    }
  }
}

function readUtf8(chunks: Data[], length: number): (string | null)[] {
  const cells = new Array<string | null>(length);
  const present = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    readValidity(chunk, present, at);
    const bytes = chunk.values as Uint8Array;
    const offsets = chunk.valueOffsets as Int32Array;
    for (let i = 0; i < chunk.length; i++) {
      cells[at + i] =
        present[at + i] === 1 && i + 1 < offsets.length
          ? utf8.decode(bytes.subarray(offsets[i], offsets[i + 1]))
          : null;
    }
    at += chunk.length;
  }
  return cells;
}

/** Dictionary keys to strings, each dictionary entry converted once. */
function readDictionary(chunks: Data[], length: number): (string | null)[] {
  const cells = new Array<string | null>(length);
  const present = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    readValidity(chunk, present, at);
    const entry = dictionaryEntries(chunk.dictionary as Vector);
    const keys = chunk.values as SmallInts;
    for (let i = 0; i < chunk.length; i++) {
      cells[at + i] = present[at + i] === 1 ? entry(keys[i]) : null;
    }
    at += chunk.length;
  }
  return cells;
}

const entriesOf = new WeakMap<Vector, (key: number) => string | null>();

/** A memoised `dictionary.get(key)` as text; keys outside the dictionary go to `get` each time. */
function dictionaryEntries(dictionary: Vector): (key: number) => string | null {
  let entry = entriesOf.get(dictionary);
  if (entry === undefined) {
    const memo = new Array<string | null | undefined>(dictionary.length);
    const convert = (key: number): string | null => {
      const value = dictionary.get(key);
      return value === null || value === undefined ? null : String(value);
    };
    entry = key => {
      if (key >= 0 && key < memo.length) {
        const known = memo[key];
        return known !== undefined ? known : (memo[key] = convert(key));
      }
      return convert(key);
    };
    entriesOf.set(dictionary, entry);
  }
  return entry;
}

/** Flags each row of `chunk` present (1) or missing (0) from its validity bitmap, as `getValid`. */
function readValidity(chunk: Data, present: Uint8Array, at: number): void {
  const bitmap = chunk.nullable && chunk.nullCount > 0 ? chunk.nullBitmap : null;
  if (bitmap === null || bitmap === undefined) {
    present.fill(1, at, at + chunk.length);
    return;
  }
  const offset = chunk.offset;
  for (let i = 0; i < chunk.length; i++) {
    const bit = offset + i;
    present[at + i] = (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0 ? 1 : 0;
  }
}

/** Null when every row is present, so that consumers skip the checks. */
function presenceOrNull(present: Uint8Array): Uint8Array | null {
  return present.indexOf(0) < 0 ? null : present;
}

function integralFromCells(cells: (number | bigint | null)[]): IntegralColumn {
  const column: IntegralColumn = {
    kind: 'integral',
    values: new Float64Array(cells.length),
    present: new Uint8Array(cells.length),
    wide: null
  };
  cells.forEach((cell, row) => {
    if (cell === null) {
      return;
    }
    column.present![row] = 1;
    column.values[row] = Number(cell);
    if (typeof cell === 'bigint' && !Number.isSafeInteger(Number(cell))) {
      (column.wide ??= new Map()).set(row, cell);
    }
  });
  column.present = presenceOrNull(column.present!);
  return column;
}

function fractionalFromCells(cells: (number | null)[]): FractionalColumn {
  const values = new Float64Array(cells.length);
  const present = new Uint8Array(cells.length);
  cells.forEach((cell, row) => {
    if (cell !== null) {
      values[row] = cell;
      present[row] = 1;
    }
  });
  return { kind: 'fractional', values, present: presenceOrNull(present) };
}

function isSmallInts(values: unknown): values is SmallInts {
  return (
    values instanceof Int8Array ||
    values instanceof Int16Array ||
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Uint16Array ||
    values instanceof Uint32Array
  );
}

function isLongs(values: unknown): values is Longs {
  return values instanceof BigInt64Array || values instanceof BigUint64Array;
}

function isFloats(values: unknown): values is Floats {
  return values instanceof Float32Array || values instanceof Float64Array;
}
