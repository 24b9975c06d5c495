/** One row of the features table, flattened from a statistics.json feature. */
import { FeatureStatistics, StatisticsDocument } from '../engine/documents/statistics';

export interface FeatureRow {
  /** Position in the document's `features`; names are not guaranteed unique. */
  index: number;
  name: string;
  type: string;
  present: number;
  missing: number;
  /** missing / (present + missing), NaN when both are 0. */
  missingShare: number;
  mean?: number;
  stdDev?: number;
  min?: number;
  max?: number;
  /** String features: HLL estimate of distinct values. Numeric (current generation): approximate. */
  distinct?: number;
}

export type FeatureColumn = Exclude<keyof FeatureRow, 'index'>;

export function featureRow(feature: FeatureStatistics, index: number): FeatureRow {
  const numerical = feature.numerical_statistics;
  const strings = feature.string_statistics;
  const common = numerical?.common ?? strings?.common;
  const present = common?.num_present ?? 0;
  const missing = common?.num_missing ?? 0;
  const total = present + missing;
  return {
    index,
    name: String(feature.name),
    type: String(feature.inferred_type ?? 'Unknown'),
    present,
    missing,
    missingShare: total > 0 ? missing / total : NaN,
    mean: numerical?.mean,
    stdDev: numerical?.std_dev,
    min: numerical?.min,
    max: numerical?.max,
    distinct: strings?.distinct_count ?? numerical?.approximate_num_distinct_values
  };
}

export function featureRows(document: StatisticsDocument): FeatureRow[] {
  return document.features.map(featureRow);
}
