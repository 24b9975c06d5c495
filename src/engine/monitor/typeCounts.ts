/**
 * How the current values of one column split by the type pattern they match (FORMATS.md §7.1).
 * Counts cover non-null values; `missing` counts nulls.
 */
import { FeatureStatistics, InferredType, StatisticsDocument } from '../documents/statistics';
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

/** Without DataType votes every present value counts as the column's inferred type. */
export function typeCountsFromStatistics(
  statistics: StatisticsDocument
): Record<string, TypeCounts> {
  return Object.fromEntries(statistics.features.map(f => [f.name, votesOf(f)]));
}

function votesOf(feature: FeatureStatistics): TypeCounts {
  const common = (feature.numerical_statistics ?? feature.string_statistics)?.common;
  const present = common?.num_present ?? 0;
  return {
    integral: feature.inferred_type === 'Integral' ? present : 0,
    fractional: feature.inferred_type === 'Fractional' ? present : 0,
    boolean: 0,
    string: feature.inferred_type === 'String' ? present : 0,
    missing: common?.num_missing ?? 0
  };
}
