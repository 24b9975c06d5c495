/**
 * Doubles in profile JSON: finite numbers as numbers, the rest as "NaN" / "Infinity" /
 * "-Infinity", and -0 as "-0" (JSON.stringify(-0) is "0": a -0.0 min or max would become 0.0).
 */
export type JsonDouble = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

export function encodeDouble(x: number): JsonDouble {
  if (Object.is(x, -0)) {
    return '-0';
  }
  if (Number.isFinite(x)) {
    return x;
  }
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

export function decodeDouble(x: JsonDouble): number {
  return typeof x === 'number' ? x : Number(x);
}
