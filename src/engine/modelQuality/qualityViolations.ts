import { formatJavaDouble } from '../format/javaDouble';
import { MetricValue } from './metricValue';
import { ComparisonOperator, MetricConstraint } from './qualityConstraints';
import { constraintsKey, metricsKey, ProblemType } from './problemType';
import { QualityStatistics } from './qualityStatistics';

export interface QualityViolation {
  constraint_check_type: ComparisonOperator;
  description: string;
  metric_name: string;
}

/**
 * Real binary runs listed violations in this order and never checked f0_5 although it is
 * constrained (§5.4); other problem types follow the constraints file.
 */
const BINARY_CHECK_ORDER = [
  'auc',
  'precision',
  'true_positive_rate',
  'f1',
  'accuracy',
  'false_positive_rate',
  'true_negative_rate',
  'false_negative_rate',
  'recall',
  'f2'
];

const BREACHED: Record<ComparisonOperator, (value: number, threshold: number) => boolean> = {
  GreaterThanThreshold: (v, t) => v > t,
  LessThanThreshold: (v, t) => v < t,
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  LessThanOrEqualToThreshold: (v, t) => v <= t
};

/** snake_case → camelCase as in SageMaker's metric_name (`true_positive_rate` → `truePositiveRate`). */
export function camelCaseMetric(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The constraints a run checks, in its order (binary runs skip f0_5, as SageMaker's do). */
export function checkedConstraints(
  constraints: Record<string, unknown>,
  problemType: ProblemType
): Record<string, MetricConstraint> {
  const limits = (constraints[constraintsKey(problemType)] ?? {}) as Record<
    string,
    MetricConstraint
  >;
  const order =
    problemType === 'BinaryClassification'
      ? BINARY_CHECK_ORDER.filter(metric => metric in limits)
      : Object.keys(limits);
  return Object.fromEntries(order.map(metric => [metric, limits[metric]]));
}

export function checkQuality(
  statistics: QualityStatistics,
  constraints: Record<string, unknown>,
  problemType: ProblemType
): QualityViolation[] {
  const metrics = (statistics[metricsKey(problemType)] ?? {}) as Record<string, MetricValue>;
  const limits = checkedConstraints(constraints, problemType);
  const violations: QualityViolation[] = [];
  for (const metric of Object.keys(limits)) {
    const violation = checkMetric(metric, metrics[metric], limits[metric]);
    if (violation) {
      violations.push(violation);
    }
  }
  return violations;
}

function checkMetric(
  metric: string,
  observed: MetricValue | undefined,
  constraint: MetricConstraint
): QualityViolation | undefined {
  const breached = BREACHED[constraint.comparison_operator];
  if (!observed || !breached || !breached(observed.value, constraint.threshold)) {
    return undefined;
  }
  return {
    constraint_check_type: constraint.comparison_operator,
    description: violationText(metric, observed, constraint),
    metric_name: camelCaseMetric(metric)
  };
}

export function violationText(
  metric: string,
  observed: MetricValue,
  constraint: MetricConstraint
): string {
  const value = formatJavaDouble(observed.value);
  const deviation = formatJavaDouble(observed.standard_deviation);
  const threshold = formatJavaDouble(constraint.threshold);
  return `Metric ${camelCaseMetric(metric)} with ${value} +/- ${deviation} was ${constraint.comparison_operator} '${threshold}'`;
}
