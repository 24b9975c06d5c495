/** The shape of SageMaker's data-quality `constraints.json` (FORMATS.md §4). */
import { InferredType } from './statistics';

export type EnabledFlag = 'Enabled' | 'Disabled';

export interface FeatureConstraint {
  name: string;
  inferred_type: InferredType;
  completeness: number;
  num_constraints?: { is_non_negative: boolean };
  string_constraints?: { domains: string[] };
}

export interface DistributionConstraints {
  perform_comparison: EnabledFlag;
  comparison_threshold: number;
  comparison_method: 'Robust' | 'Simple';
  categorical_comparison_threshold?: number;
  categorical_drift_method?: 'LInfinity' | 'ChiSquared';
}

export interface MonitoringConfig {
  evaluate_constraints: EnabledFlag;
  emit_metrics: EnabledFlag;
  datatype_check_threshold: number;
  domain_content_threshold: number;
  distribution_constraints: DistributionConstraints;
}

export interface ConstraintsDocument {
  version: number;
  features: FeatureConstraint[];
  monitoring_config: MonitoringConfig;
}
