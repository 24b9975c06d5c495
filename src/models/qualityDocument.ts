import { EXTENSION_KEY as QUALITY_EXTENSION_KEY } from '../engine/documents/fileNames';
import type { ResidualBucket, ResidualHistogram } from '../engine/modelQuality/residualHistogram';
/**
 * Model-quality statistics (FORMATS.md §5.4), recognised by content: one of the three
 * `<problem>_metrics` objects. Rows join each metric with its baseline constraint and any
 * violation of it; curves and matrices are kept for the charts.
 */
export type QualityProblem = 'regression' | 'binary_classification' | 'multiclass_classification';

export const QUALITY_PROBLEMS: QualityProblem[] = [
  'regression',
  'binary_classification',
  'multiclass_classification'
];

export { QUALITY_EXTENSION_KEY };

export interface QualityMetricRow {
  metric: string;
  value: number | null;
  /** A number, or the file's text (`"NaN"` when SageMaker had under 200 rows). */
  standardDeviation: string;
  threshold: number | null;
  operator: string | null;
  violated: boolean;
  /** The violation's description, for a tooltip. */
  violation: string | null;
}

export interface QualityDocument {
  problem: QualityProblem;
  itemCount: number | null;
  evaluationTime: string | null;
  rows: QualityMetricRow[];
  /** A constraint_violations.json was read, so an unviolated metric passed its check. */
  violationsChecked: boolean;
  /** Constraints were read (a constraints.json, or the run's checked ones): no threshold means none. */
  constraintsRead: boolean;
  confusionMatrix: Record<string, Record<string, number>> | null;
  rocCurve: unknown;
  prCurve: unknown;
  residualHistogram: ResidualHistogram | null;
}

export interface QualityConstraint {
  threshold: number;
  comparison_operator: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problem whose `<problem>_metrics` object the value holds, or null. */
export function qualityProblemOf(value: unknown): QualityProblem | null {
  if (!isObject(value)) {
    return null;
  }
  return QUALITY_PROBLEMS.find(p => isObject(value[`${p}_metrics`])) ?? null;
}

export function isQualityStatistics(value: unknown): boolean {
  return qualityProblemOf(value) !== null;
}

/** `{metric: {threshold, comparison_operator}}` from a model-quality constraints.json. */
export function qualityConstraints(
  value: unknown,
  problem: QualityProblem
): Record<string, QualityConstraint> {
  return constraintsOf(isObject(value) ? value[`${problem}_constraints`] : undefined);
}

/**
 * The thresholds a run checked, as its constraint_violations.json records them under the
 * extension key (runs of this engine; SageMaker's files have none).
 */
export function checkedQualityConstraints(violations: unknown): Record<string, QualityConstraint> {
  const extension = isObject(violations) ? violations[QUALITY_EXTENSION_KEY] : undefined;
  return constraintsOf(isObject(extension) ? extension.checked_constraints : undefined);
}

function constraintsOf(section: unknown): Record<string, QualityConstraint> {
  const result: Record<string, QualityConstraint> = {};
  if (!isObject(section)) {
    return result;
  }
  for (const [metric, c] of Object.entries(section)) {
    if (isObject(c) && typeof c.threshold === 'number') {
      result[metric] = {
        threshold: c.threshold,
        comparison_operator: String(c.comparison_operator ?? '')
      };
    }
  }
  return result;
}

/** The constraints of whichever problem a model-quality constraints.json holds (else empty). */
export function anyQualityConstraints(value: unknown): Record<string, QualityConstraint> {
  const problem = QUALITY_PROBLEMS.find(
    p => isObject(value) && isObject(value[`${p}_constraints`])
  );
  return problem ? qualityConstraints(value, problem) : {};
}

/** SageMaker's check: a metric violates when it is on the wrong side of its threshold. */
export function breachesThreshold(value: number, constraint: QualityConstraint): boolean {
  switch (constraint.comparison_operator) {
    case 'GreaterThanThreshold':
      return value > constraint.threshold;
    case 'LessThanThreshold':
      return value < constraint.threshold;
    default:
      return false;
  }
}

/** SageMaker names violated metrics in camelCase (`truePositiveRate` for `true_positive_rate`). */
export function camelCaseMetric(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** metric name (either spelling) → description, from a constraint_violations.json. */
export function qualityViolations(value: unknown): Map<string, string> {
  const result = new Map<string, string>();
  const list = isObject(value) && Array.isArray(value.violations) ? value.violations : [];
  for (const v of list) {
    if (isObject(v) && typeof v.metric_name === 'string') {
      result.set(v.metric_name, typeof v.description === 'string' ? v.description : '');
    }
  }
  return result;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && isFinite(value) ? value : null;
}

function stdText(value: unknown): string {
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' ? value : '';
}

/** Builds the document; null when the value is not model-quality statistics. */
export function qualityDocument(
  statistics: unknown,
  constraints?: unknown,
  violations?: unknown
): QualityDocument | null {
  const problem = qualityProblemOf(statistics);
  if (!problem || !isObject(statistics)) {
    return null;
  }
  const metrics = statistics[`${problem}_metrics`] as Record<string, unknown>;
  // What the run checked, else the constraints.json beside the file (a baseline folder).
  const limits = {
    ...qualityConstraints(constraints, problem),
    ...checkedQualityConstraints(violations)
  };
  const violated = qualityViolations(violations);
  const rows: QualityMetricRow[] = [];
  for (const [metric, entry] of Object.entries(metrics)) {
    if (!isObject(entry) || !('value' in entry)) {
      continue; // confusion_matrix and the curves are charts, not rows.
    }
    const description = violated.get(camelCaseMetric(metric)) ?? violated.get(metric);
    // A run's output folder has no constraints.json: its violations still name the threshold.
    const limit = limits[metric] ?? constraintInText(description);
    rows.push({
      metric,
      value: numberOrNull(entry.value),
      standardDeviation: stdText(entry.standard_deviation),
      threshold: limit?.threshold ?? null,
      operator: limit?.comparison_operator ?? null,
      violated: description !== undefined,
      violation: description ?? null
    });
  }
  const dataset = isObject(statistics.dataset) ? statistics.dataset : {};
  const extension = statistics[QUALITY_EXTENSION_KEY];
  return {
    problem,
    itemCount: numberOrNull(dataset.item_count),
    evaluationTime: typeof dataset.evaluation_time === 'string' ? dataset.evaluation_time : null,
    rows,
    violationsChecked: isObject(violations) && Array.isArray(violations.violations),
    constraintsRead: Object.keys(limits).length > 0,
    confusionMatrix: confusionMatrixOf(metrics.confusion_matrix),
    rocCurve: metrics.receiver_operating_characteristic_curve ?? null,
    prCurve: metrics.precision_recall_curve ?? null,
    residualHistogram: residualHistogramOf(
      isObject(extension) ? extension.residual_histogram : null
    )
  };
}

/** `Metric auc with 0.7 +/- 0.01 was LessThanThreshold '0.9'` → the constraint it broke. */
export function constraintInText(description: string | undefined): QualityConstraint | null {
  const match = /was (\w+) '([^']+)'\s*$/.exec(description ?? '');
  const threshold = match ? Number(match[2]) : NaN;
  return match && isFinite(threshold) ? { threshold, comparison_operator: match[1] } : null;
}

function confusionMatrixOf(value: unknown): Record<string, Record<string, number>> | null {
  if (!isObject(value)) {
    return null;
  }
  const matrix: Record<string, Record<string, number>> = {};
  for (const [actual, row] of Object.entries(value)) {
    if (!isObject(row)) {
      return null;
    }
    matrix[actual] = {};
    for (const [predicted, count] of Object.entries(row)) {
      if (typeof count !== 'number') {
        return null;
      }
      matrix[actual][predicted] = count;
    }
  }
  return Object.keys(matrix).length > 0 ? matrix : null;
}

function residualHistogramOf(value: unknown): QualityDocument['residualHistogram'] {
  if (!isObject(value) || !Array.isArray(value.buckets) || typeof value.mean !== 'number') {
    return null;
  }
  const buckets = value.buckets.filter(
    (b): b is ResidualBucket =>
      isObject(b) &&
      typeof b.lower_bound === 'number' &&
      typeof b.upper_bound === 'number' &&
      typeof b.count === 'number'
  );
  return buckets.length === value.buckets.length ? { mean: value.mean, buckets } : null;
}
