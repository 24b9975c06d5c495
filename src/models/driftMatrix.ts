import { MetricHistory, MetricSegment } from '../api/types';
import { violatedRuns } from './metricHistory';
import { segmentHistory } from './metricSegments';

/** One cell of the feature × run drift heatmap: a drift check's distance for a feature in a run. */
export interface DriftCell {
  feature: string;
  /** The run's column label (unique: runs over the same window are numbered). */
  run: string;
  executionId: string;
  time: string;
  drift: number;
  /** The run reported a violation for this feature. */
  violated: boolean;
}

export interface DriftMatrix {
  cells: DriftCell[];
  /** Column labels, oldest run first. */
  runs: string[];
  /** Row labels, the feature that drifted most first. */
  features: string[];
}

/**
 * The `baseline_drift` series of a monitor's history as a feature × run grid. A run's drift check
 * reports a distance only for features over their threshold (metrics.py), so a blank cell is a
 * feature that did not drift (or was not checked) in that run. `runs` labels every run of the
 * history, oldest first (runLabels.ts), as the metric charts do. Of all data, or of one segment
 * of segmented runs.
 */
export function driftMatrix(
  history: MetricHistory,
  runs: ReadonlyMap<string, string>,
  segment: MetricSegment | null = null
): DriftMatrix {
  const drifts = segmentHistory(history, segment).series.filter(
    s => s.metric === 'baseline_drift' && s.feature !== null
  );
  const cells = drifts.flatMap(series => {
    const violated = violatedRuns(history, series.feature, segment);
    return series.points.map(point => ({
      feature: series.feature!,
      run: runs.get(point.execution_id)!,
      executionId: point.execution_id,
      time: point.time,
      drift: point.value,
      violated: violated.has(point.execution_id)
    }));
  });
  const largest = new Map<string, number>();
  cells.forEach(c => largest.set(c.feature, Math.max(largest.get(c.feature) ?? 0, c.drift)));
  const features = [...largest.keys()].sort(
    (a, b) => largest.get(b)! - largest.get(a)! || a.localeCompare(b)
  );
  const used = new Set(cells.map(c => c.executionId));
  return { cells, runs: [...runs].filter(([id]) => used.has(id)).map(([, run]) => run), features };
}
