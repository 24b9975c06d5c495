import { MetricHistory, MetricSegment, MetricSeries } from '../api/types';
import { segmentKey } from './metricSegments';
import { QualityConstraint, breachesThreshold } from './qualityDocument';

export interface MetricPoint {
  time: string;
  /** The run's label (runLabels.ts): runs over the same window stay apart. */
  run?: string;
  value: number;
  /** The run had violations (of this feature, for a feature metric). */
  violated: boolean;
}

/** The series worth offering first: the dataset's, then drift, missing share and the rest. */
const ORDER = ['item_count', 'violations', 'baseline_drift', 'missing'];

/** Series in a stable, useful order: dataset metrics, then by metric kind, then by feature. */
export function orderedSeries(history: MetricHistory): MetricSeries[] {
  const rank = (s: MetricSeries) => {
    const i = ORDER.indexOf(s.metric);
    return (s.feature === null ? 0 : 10) + (i < 0 ? ORDER.length : i);
  };
  return [...history.series].sort(
    (a, b) => rank(a) - rank(b) || (a.feature ?? '').localeCompare(b.feature ?? '')
  );
}

/**
 * The points of one series, each marked when its run found violations: of the series' feature
 * (feature_violations_<f>), or of the dataset for dataset metrics, in the series' segment.
 */
export function metricPoints(
  history: MetricHistory,
  series: MetricSeries,
  runs?: ReadonlyMap<string, string>
): MetricPoint[] {
  const violated = violatedRuns(history, series.feature, series.segment);
  return series.points.map(p => ({
    time: p.time,
    run: runs?.get(p.execution_id),
    value: p.value,
    violated: violated.has(p.execution_id)
  }));
}

/**
 * The runs that found violations of `feature` (feature_violations_<f>), or of the dataset (null),
 * in a segment (null: in all data).
 */
export function violatedRuns(
  history: MetricHistory,
  feature: string | null,
  segment: MetricSegment | null = null
): Set<string> {
  const key = segmentKey(segment);
  const violations = history.series.find(
    s =>
      segmentKey(s.segment) === key &&
      (feature === null
        ? s.name === 'dataset_violations'
        : s.metric === 'violations' && s.feature === feature)
  );
  return new Set((violations?.points ?? []).filter(p => p.value > 0).map(p => p.execution_id));
}

/**
 * The points of a model-quality metric against its baseline constraint: a run is marked when its
 * value is on the wrong side of the threshold (the run's own check, per metric).
 */
export function qualityMetricPoints(
  series: MetricSeries,
  constraint: QualityConstraint,
  runs?: ReadonlyMap<string, string>
): MetricPoint[] {
  return series.points.map(p => ({
    time: p.time,
    run: runs?.get(p.execution_id),
    value: p.value,
    violated: breachesThreshold(p.value, constraint)
  }));
}

/** The constraint of a dataset-level series named as a constrained metric, if any. */
export function constraintOf(
  series: MetricSeries,
  constraints: Record<string, QualityConstraint>
): QualityConstraint | null {
  return series.feature === null && Object.hasOwn(constraints, series.metric)
    ? constraints[series.metric]
    : null;
}
