/** The `monitoring_config` a suggested constraints.json carries (FORMATS.md §4.1). */
import { MonitoringConfig } from '../documents/constraints';
import { AnalyzerGeneration } from '../documents/statistics';

export function defaultMonitoringConfig(
  generation: AnalyzerGeneration = 'current'
): MonitoringConfig {
  const config: MonitoringConfig = {
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
  if (generation === 'current') {
    config.distribution_constraints.categorical_comparison_threshold = 0.1;
    config.distribution_constraints.categorical_drift_method = 'LInfinity';
  }
  return config;
}
