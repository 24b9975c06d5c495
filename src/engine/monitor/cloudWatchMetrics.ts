/**
 * The metrics SageMaker's analyzer leaves for CloudWatch (FORMATS.md §2 "Metrics"): one JSON line
 * per metric, shaped as PutMetricData's MetricDatum, in `cloudwatch_metrics.jsonl` of the metrics
 * folder (`/opt/ml/output/metrics/cloudwatch` in a container). Per feature:
 * `feature_data_<name>` (numeric: SampleCount, Sum, Minimum, Maximum of the present values),
 * `feature_non_null_<name>` (the share of present values) and `feature_baseline_drift_<name>` (the
 * distance baseline_drift_check compares). Dimensions `Endpoint` and `MonitoringSchedule`.
 */
import { FeatureStatistics, StatisticsDocument } from '../documents/statistics';
import { featureDrift } from './checks/baselineDriftCheck';
import { commonStatistics, featuresByName } from './featureDistributions';
import { MonitoringSettings } from './monitoringSettings';

export const CLOUDWATCH_METRICS_FILE = 'cloudwatch_metrics.jsonl';

export interface MetricDimensions {
  endpoint?: string;
  schedule?: string;
}

export interface MetricDatum {
  MetricName: string;
  Timestamp: string;
  Dimensions: { Name: string; Value: string }[];
  Value?: number;
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
}

export function cloudWatchMetrics(
  baseline: StatisticsDocument,
  current: StatisticsDocument,
  settings: MonitoringSettings,
  timestamp: Date,
  dimensions: MetricDimensions
): MetricDatum[] {
  const common = {
    Timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Dimensions: [
      ...(dimensions.endpoint ? [{ Name: 'Endpoint', Value: dimensions.endpoint }] : []),
      ...(dimensions.schedule ? [{ Name: 'MonitoringSchedule', Value: dimensions.schedule }] : [])
    ]
  };
  const baselineFeatures = featuresByName(baseline);
  return (current.features ?? []).flatMap(feature => {
    const metrics: MetricDatum[] = [];
    const data = numericData(feature);
    if (data) {
      metrics.push({
        MetricName: `feature_data_${feature.name}`,
        ...common,
        StatisticValues: data
      });
    }
    const counts = commonStatistics(feature);
    const rows = counts ? counts.num_present + counts.num_missing : 0;
    if (counts && rows > 0) {
      const share = counts.num_present / rows;
      metrics.push({ MetricName: `feature_non_null_${feature.name}`, ...common, Value: share });
    }
    const drift = featureDrift(baselineFeatures.get(feature.name), feature, settings);
    if (drift && Number.isFinite(drift.distance)) {
      const name = `feature_baseline_drift_${feature.name}`;
      metrics.push({ MetricName: name, ...common, Value: drift.distance });
    }
    return metrics;
  });
}

/** CloudWatch takes finite numbers only: a feature with no present value has no data metric. */
function numericData(feature: FeatureStatistics): MetricDatum['StatisticValues'] | undefined {
  const numbers = feature.numerical_statistics;
  const present = numbers?.common.num_present ?? 0;
  if (
    !numbers ||
    present === 0 ||
    ![numbers.sum, numbers.min, numbers.max].every(Number.isFinite)
  ) {
    return undefined;
  }
  return { SampleCount: present, Sum: numbers.sum, Minimum: numbers.min, Maximum: numbers.max };
}

export function cloudWatchMetricsText(metrics: MetricDatum[]): string {
  return metrics.map(metric => JSON.stringify(metric) + '\n').join('');
}
