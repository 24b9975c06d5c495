/**
 * Arrow vectors cell by cell through apache-arrow's `get`, converted as FORMATS.md §1.4 says: the
 * reading of every type without a buffer reader of its own (arrowColumns.ts), and the reference
 * those readers must equal.
 */
import { DataType, Type, Vector } from 'apache-arrow';

export type ArrowCell = string | number | bigint | boolean | null;

/** The column kind of an Arrow type. */
export type ArrowKind = 'integral' | 'fractional' | 'boolean' | 'text';

export function arrowKind(type: DataType): ArrowKind {
  switch (type.typeId) {
    case Type.Int:
      return 'integral';
    case Type.Float:
    case Type.Decimal:
      return 'fractional';
    case Type.Bool:
      return 'boolean';
    default:
      return 'text';
  }
}

/** Every cell of `vector`, converted; null where missing (or where `get` finds nothing). */
export function arrowCells(vector: Vector): ArrowCell[] {
  const convert = cellConverter(vector.type as DataType);
  const values = new Array<ArrowCell>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const value = vector.isValid(i) ? vector.get(i) : null;
    values[i] = value === null || value === undefined ? null : convert(value);
  }
  return values;
}

function cellConverter(type: DataType): (value: any) => ArrowCell {
  switch (type.typeId) {
    case Type.Int:
      return v => v as number | bigint;
    case Type.Float:
      return v => Number(v);
    case Type.Decimal:
      return v => Number(String(v)) / 10 ** (type as any).scale;
    case Type.Bool:
      return v => Boolean(v);
    case Type.Date:
    case Type.Timestamp:
      return v => (v instanceof Date ? v : new Date(Number(v))).toISOString();
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary:
      return v => String(v);
    default:
      return v => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
}
