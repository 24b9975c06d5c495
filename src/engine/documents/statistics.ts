/**
 * The shape of SageMaker's data-quality `statistics.json` (FORMATS.md §3), as parsed JSON.
 * Key order when written is fixed by the writer in `format/`, not by these interfaces.
 */
export type InferredType = 'Integral' | 'Fractional' | 'String' | 'Unknown';

export interface CommonStatistics {
  num_present: number;
  num_missing: number;
}

export interface KllBucket {
  lower_bound: number;
  upper_bound: number;
  count: number;
}

export interface KllDistribution {
  buckets: KllBucket[];
  sketch: {
    parameters: { c: number; k: number };
    /** Compactor levels, level 0 first; an item on level h weighs 2^h. */
    data: number[][];
  };
}

export interface NumericalStatistics {
  common: CommonStatistics;
  mean: number;
  sum: number;
  std_dev: number;
  min: number;
  max: number;
  /** Written by the "current" analyzer generation only. */
  approximate_num_distinct_values?: number;
  completeness?: number;
  distribution?: { kll: KllDistribution };
}

export interface CategoricalBucket {
  value: string;
  count: number;
}

export interface StringStatistics {
  common: CommonStatistics;
  distinct_count: number;
  /** Written by the "current" analyzer generation only. */
  completeness?: number;
  distribution?: { categorical: { buckets: CategoricalBucket[] } };
}

export interface FeatureStatistics {
  name: string;
  inferred_type: InferredType;
  numerical_statistics?: NumericalStatistics;
  string_statistics?: StringStatistics;
}

export interface StatisticsDocument {
  version: number;
  dataset: { item_count: number };
  features: FeatureStatistics[];
}

/** Which analyzer's layout to write: 2021 omits the keys the current container added. */
export type AnalyzerGeneration = '2021' | 'current';
