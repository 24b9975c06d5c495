import { MetricHistory, MetricSeries } from '../api/types';

export interface MetricPoint {
  time: string;
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
 * (feature_violations_<f>), or of the dataset for dataset metrics.
 */
export function metricPoints(history: MetricHistory, series: MetricSeries): MetricPoint[] {
  const violations = history.series.find(s =>
    series.feature === null
      ? s.name === 'dataset_violations'
      : s.metric === 'violations' && s.feature === series.feature
  );
  const violatedRuns = new Set(
    (violations?.points ?? []).filter(p => p.value > 0).map(p => p.execution_id)
  );
  return series.points.map(p => ({
    time: p.time,
    value: p.value,
    violated: violatedRuns.has(p.execution_id)
  }));
}
