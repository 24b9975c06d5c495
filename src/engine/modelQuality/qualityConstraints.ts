import { constraintsKey, metricsKey, ProblemType } from './problemType';
import { QualityStatistics } from './qualityStatistics';

export type ComparisonOperator =
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'GreaterThanOrEqualToThreshold'
  | 'LessThanOrEqualToThreshold';

export interface MetricConstraint {
  threshold: number;
  comparison_operator: ComparisonOperator;
}

/** Metrics SageMaker suggests constraints for, in file order (§5.4, AWS docs). */
const CONSTRAINED: Record<ProblemType, string[]> = {
  Regression: ['mae', 'mse', 'rmse', 'r2'],
  BinaryClassification: [
    'recall',
    'precision',
    'accuracy',
    'true_positive_rate',
    'true_negative_rate',
    'false_positive_rate',
    'false_negative_rate',
    'auc',
    'f0_5',
    'f1',
    'f2'
  ],
  MulticlassClassification: [
    'accuracy',
    'weighted_recall',
    'weighted_precision',
    'weighted_f0_5',
    'weighted_f1',
    'weighted_f2'
  ]
};

/** Error metrics: worse when higher. */
const HIGHER_IS_WORSE = new Set([
  'mae',
  'mse',
  'rmse',
  'false_positive_rate',
  'false_negative_rate'
]);

export function operatorFor(metric: string): ComparisonOperator {
  return HIGHER_IS_WORSE.has(metric) ? 'GreaterThanThreshold' : 'LessThanThreshold';
}

/** Baseline constraints: each threshold is the baseline value. */
export function suggestQualityConstraints(
  statistics: QualityStatistics,
  problemType: ProblemType
): Record<string, unknown> {
  const metrics = statistics[metricsKey(problemType)] as Record<string, { value: number }>;
  const constraints: Record<string, MetricConstraint> = {};
  for (const metric of CONSTRAINED[problemType]) {
    if (metrics[metric]) {
      constraints[metric] = {
        threshold: metrics[metric].value,
        comparison_operator: operatorFor(metric)
      };
    }
  }
  return { version: 0.0, [constraintsKey(problemType)]: constraints };
}
