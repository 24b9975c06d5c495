/**
 * Counts of a numeric sketch in the drift-test bins (FORMATS.md §8): below the baseline minimum, the
 * baseline's histogram buckets (half-open, the last closed, as statistics.json counts them, §3.1),
 * and above the baseline maximum.
 */
import { KllBucket } from '../../documents/statistics';
import { WeightedSketch } from '../distance/weightedSketch';

export function numericBinCounts(
  sketch: WeightedSketch,
  baselineBuckets: readonly KllBucket[]
): number[] {
  const last = baselineBuckets.length - 1;
  const top = baselineBuckets[last].upper_bound;
  const below = sketch.rankExclusive(baselineBuckets[0].lower_bound);
  const inside = baselineBuckets.map((bucket, i) => {
    const upperRank = i === last ? sketch.rank(top) : sketch.rankExclusive(bucket.upper_bound);
    return upperRank - sketch.rankExclusive(bucket.lower_bound);
  });
  const above = sketch.totalWeight - sketch.rank(top);
  return [below, ...inside, above];
}
