/**
 * Constraint suggestion from baseline statistics (FORMATS.md §4.2), following Deequ's rules as
 * SageMaker applies them: completeness as observed, is_non_negative from min, and a domain for
 * String features with a categorical histogram in which few values occur only once.
 */
import { ConstraintsDocument, FeatureConstraint, MonitoringConfig } from '../documents/constraints';
import { AnalyzerGeneration, FeatureStatistics, StatisticsDocument } from '../documents/statistics';
import { defaultMonitoringConfig } from './monitoringConfig';

export interface SuggestOptions {
  generation?: AnalyzerGeneration;
  /** Replaces parts of the default monitoring_config. */
  monitoringConfig?: Partial<MonitoringConfig>;
}

/** A domain is suggested when (values seen once) / (distinct values) is at most this. */
export const MAX_UNIQUE_VALUE_RATIO = 0.1;

export function suggestConstraints(
  stats: StatisticsDocument,
  options: SuggestOptions = {}
): ConstraintsDocument {
  const itemCount = stats.dataset.item_count;
  return {
    version: 0,
    features: stats.features.map(feature => suggestFeature(feature, itemCount)),
    monitoring_config: {
      ...defaultMonitoringConfig(options.generation),
      ...options.monitoringConfig
    }
  };
}

function suggestFeature(feature: FeatureStatistics, itemCount: number): FeatureConstraint {
  const constraint: FeatureConstraint = {
    name: feature.name,
    inferred_type: feature.inferred_type,
    completeness: completeness(feature, itemCount)
  };
  const numeric = feature.numerical_statistics;
  if (numeric && (feature.inferred_type === 'Integral' || feature.inferred_type === 'Fractional')) {
    constraint.num_constraints = { is_non_negative: numeric.min >= 0 };
  }
  const domains = feature.inferred_type === 'String' ? suggestDomain(feature) : undefined;
  if (domains) {
    constraint.string_constraints = { domains };
  }
  return constraint;
}

function completeness(feature: FeatureStatistics, itemCount: number): number {
  const common = (feature.numerical_statistics ?? feature.string_statistics)?.common;
  if (!common || itemCount === 0) {
    return 0;
  }
  return common.num_present / itemCount;
}

/** Values by descending count (ties keep bucket order), or none when the rule does not apply. */
function suggestDomain(feature: FeatureStatistics): string[] | undefined {
  const buckets = feature.string_statistics?.distribution?.categorical?.buckets;
  if (!buckets || buckets.length === 0) {
    return undefined;
  }
  const seenOnce = buckets.filter(b => b.count === 1).length;
  if (seenOnce / buckets.length > MAX_UNIQUE_VALUE_RATIO) {
    return undefined;
  }
  return [...buckets].sort((a, b) => b.count - a.count).map(b => b.value);
}
