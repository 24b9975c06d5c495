/**
 * How the current values of one column split by the type pattern they match (FORMATS.md §7.1).
 * Counts cover non-null values; `missing` counts nulls.
 */
import { InferredType } from '../documents/statistics';
import { TypeCounts } from '../profile/typeInference';

export type { TypeCounts };

export function nonNullCount(counts: TypeCounts): number {
  return counts.integral + counts.fractional + counts.boolean + counts.string;
}

/**
 * Values that satisfy a baseline type: anything is a String, and an Integral value is also a
 * valid Fractional one. Unknown (an all-null baseline) has no type to match: undefined.
 */
export function countMatching(counts: TypeCounts, baselineType: InferredType): number | undefined {
  switch (baselineType) {
    case 'Integral':
      return counts.integral;
    case 'Fractional':
      return counts.integral + counts.fractional;
    case 'String':
      return nonNullCount(counts);
    default:
      return undefined;
  }
}
