import { MetricHistory } from '../api/types';

/**
 * Every run of a monitor's history, oldest first, with a unique label: `label` names a run by its
 * window start, and runs over the same window get " (2)", " (3)"… in the order they ran, so that
 * charts keep them apart.
 */
export function runLabels(
  history: MetricHistory,
  label: (time: string) => string
): Map<string, string> {
  const times = new Map<string, string>();
  for (const series of history.series) {
    for (const point of series.points) {
      if (!times.has(point.execution_id)) {
        times.set(point.execution_id, point.time);
      }
    }
  }
  // Stable: runs over the same window keep the order in which the history lists them.
  const ordered = [...times].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const seen = new Map<string, number>();
  return new Map(
    ordered.map(([id, time]) => {
      const text = label(time);
      const count = (seen.get(text) ?? 0) + 1;
      seen.set(text, count);
      return [id, count === 1 ? text : `${text} (${count})`];
    })
  );
}
