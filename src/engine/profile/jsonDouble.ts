/** Doubles in profile JSON: finite numbers as numbers, the rest as "NaN" / "Infinity" / "-Infinity". */
export type JsonDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export function encodeDouble(x: number): JsonDouble {
  if (Number.isFinite(x)) {
    return x;
  }
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

export function decodeDouble(x: JsonDouble): number {
  return typeof x === 'number' ? x : Number(x);
}
