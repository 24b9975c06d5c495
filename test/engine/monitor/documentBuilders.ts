/** Small statistics / constraints documents for monitor tests, built the way the analyzer lays them out. */
import {
  ConstraintsDocument,
  FeatureConstraint,
  MonitoringConfig
} from '../../../src/engine/documents/constraints';
import {
  FeatureStatistics,
  InferredType,
  KllBucket,
  StatisticsDocument
} from '../../../src/engine/documents/statistics';
import { TypeCounts } from '../../../src/engine/monitor/typeCounts';

/** A numeric feature from sketch levels (level h items weigh 2^h), with §3.1's ten bucket edges. */
export function numericFeature(
  name: string,
  levels: number[][],
  options: { type?: InferredType; missing?: number; stdDev?: number } = {}
): FeatureStatistics {
  const items = levels.flat();
  const present = levels.reduce((sum, level, h) => sum + level.length * 2 ** h, 0);
  const min = Math.min(...items);
  const max = Math.max(...items);
  const mean =
    levels.reduce((sum, level, h) => sum + level.reduce((s, x) => s + x, 0) * 2 ** h, 0) / present;
  return {
    name,
    inferred_type: options.type ?? 'Fractional',
    numerical_statistics: {
      common: { num_present: present, num_missing: options.missing ?? 0 },
      mean,
      sum: mean * present,
      std_dev: options.stdDev ?? 1,
      min,
      max,
      distribution: {
        kll: {
          buckets: bucketEdges(min, max),
          sketch: { parameters: { c: 0.64, k: 2048.0 }, data: levels }
        }
      }
    }
  };
}

function bucketEdges(min: number, max: number): KllBucket[] {
  return Array.from({ length: 10 }, (_, i) => ({
    lower_bound: min + ((max - min) * i) / 10,
    upper_bound: min + ((max - min) * (i + 1)) / 10,
    count: 0
  }));
}

export function stringFeature(
  name: string,
  counts: Record<string, number> | undefined,
  options: { missing?: number; present?: number } = {}
): FeatureStatistics {
  const buckets = counts && Object.entries(counts).map(([value, count]) => ({ value, count }));
  const present = options.present ?? Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  return {
    name,
    inferred_type: 'String',
    string_statistics: {
      common: { num_present: present, num_missing: options.missing ?? 0 },
      distinct_count: buckets?.length ?? 200,
      ...(buckets ? { distribution: { categorical: { buckets } } } : {})
    }
  };
}

export function unknownFeature(name: string): FeatureStatistics {
  return { name, inferred_type: 'Unknown' };
}

export function statistics(itemCount: number, features: FeatureStatistics[]): StatisticsDocument {
  return { version: 0.0, dataset: { item_count: itemCount }, features };
}

export const DEFAULT_CONFIG: MonitoringConfig = {
  evaluate_constraints: 'Enabled',
  emit_metrics: 'Enabled',
  datatype_check_threshold: 1.0,
  domain_content_threshold: 1.0,
  distribution_constraints: {
    perform_comparison: 'Enabled',
    comparison_threshold: 0.1,
    comparison_method: 'Robust'
  }
};

export function constraints(
  features: FeatureConstraint[],
  config: MonitoringConfig = DEFAULT_CONFIG
): ConstraintsDocument {
  return { version: 0.0, features, monitoring_config: config };
}

/** A config with some keys replaced; distribution keys go under `distribution_constraints`. */
export function config(
  top: Partial<MonitoringConfig> = {},
  distribution: Record<string, unknown> = {}
): MonitoringConfig {
  return {
    ...DEFAULT_CONFIG,
    ...top,
    distribution_constraints: { ...DEFAULT_CONFIG.distribution_constraints, ...distribution } as any
  };
}

export function constraintFor(
  name: string,
  type: InferredType,
  extra: Partial<FeatureConstraint> = {}
): FeatureConstraint {
  return { name, inferred_type: type, completeness: 1.0, ...extra };
}

export function typeCounts(counts: Partial<TypeCounts>): TypeCounts {
  return { integral: 0, fractional: 0, boolean: 0, string: 0, missing: 0, ...counts };
}

/** Type counts a statistics document implies when every present value matches its inferred type. */
export function typeCountsOf(document: StatisticsDocument): Record<string, TypeCounts> {
  return Object.fromEntries(
    document.features.map(feature => {
      const common = feature.numerical_statistics?.common ?? feature.string_statistics?.common;
      const present = common?.num_present ?? 0;
      const key = ({ Integral: 'integral', Fractional: 'fractional', String: 'string' } as const)[
        feature.inferred_type as 'Integral'
      ];
      return [
        feature.name,
        typeCounts({ ...(key ? { [key]: present } : {}), missing: common?.num_missing ?? 0 })
      ];
    })
  );
}
