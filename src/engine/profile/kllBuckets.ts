/** The 10 buckets of `distribution.kll` (FORMATS.md §3.1), as Deequ's KLLSketch analyzer computes them. */
import { KllBucket } from '../documents/statistics';
import { KllSketch } from './kll';

export const KLL_BUCKET_COUNT = 10;

// Deequ starts each partition's min/max at Int.MaxValue/Int.MinValue, so a column wholly above 2^31
// (or below -2^31) gets its bucket range stretched to that bound.
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

export function kllBuckets(
  sketch: KllSketch,
  min: number,
  max: number,
  count = KLL_BUCKET_COUNT
): KllBucket[] {
  const start = Math.min(min, INT_MAX);
  const end = Math.max(max, INT_MIN);
  const edges = Array.from({ length: count + 1 }, (_, i) => start + ((end - start) * i) / count);
  // Each inner edge is one bucket's upper bound and the next one's lower bound: weighed once.
  const below = sketch.weighEdges(edges);
  return Array.from({ length: count }, (_, i) => ({
    lower_bound: edges[i],
    upper_bound: edges[i + 1],
    count: below[i + 1] - below[i]
  }));
}
