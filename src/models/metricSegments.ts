import { MetricHistory, MetricSegment } from '../api/types';

const KIND_ORDER: MetricSegment['kind'][] = ['value', 'missing', 'other'];

/** A segment's identity in the history; '' for all data. */
export function segmentKey(segment: MetricSegment | null | undefined): string {
  return segment ? JSON.stringify([segment.by, segment.kind, segment.value]) : '';
}

/**
 * The segments the history has series of: by column, values as first seen, then the missing
 * and the other segment.
 */
export function historySegments(history: MetricHistory): MetricSegment[] {
  const found = new Map<string, MetricSegment>();
  for (const series of history.series) {
    if (series.segment && !found.has(segmentKey(series.segment))) {
      found.set(segmentKey(series.segment), series.segment);
    }
  }
  const columns = [...new Set([...found.values()].map(s => s.by))];
  const rank = (s: MetricSegment) =>
    columns.indexOf(s.by) * KIND_ORDER.length + KIND_ORDER.indexOf(s.kind);
  return [...found.values()].sort((a, b) => rank(a) - rank(b));
}

/** The history of one segment (null: all data), with the same shape as a whole history. */
export function segmentHistory(
  history: MetricHistory,
  segment: MetricSegment | null
): MetricHistory {
  const key = segmentKey(segment);
  return { ...history, series: history.series.filter(s => segmentKey(s.segment) === key) };
}
