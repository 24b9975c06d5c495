/** The parts of a statistics.json feature that comparisons read, absent when not written. */
import {
  CommonStatistics,
  FeatureStatistics,
  KllBucket,
  StatisticsDocument
} from '../documents/statistics';
import { CategoryCounts } from './distance/categoricalLInfinity';
import { WeightedSketch } from './distance/weightedSketch';

export function featuresByName(document: StatisticsDocument): Map<string, FeatureStatistics> {
  return new Map((document.features ?? []).map(feature => [feature.name, feature]));
}

/** An all-null (Unknown) feature has neither statistics object: nothing present. */
export function commonStatistics(feature: FeatureStatistics): CommonStatistics | undefined {
  return feature.numerical_statistics?.common ?? feature.string_statistics?.common;
}

/** Sketches read from a document's `sketch.data`: the drift check and the drift tests share them. */
const sketches = new WeakMap<object, WeightedSketch>();

/** The KLL sketch of a numeric feature, if it has one with at least one item. */
export function numericSketch(feature: FeatureStatistics | undefined): WeightedSketch | undefined {
  const data = feature?.numerical_statistics?.distribution?.kll?.sketch?.data;
  if (!data) {
    return undefined;
  }
  let sketch = sketches.get(data);
  if (!sketch) {
    sketch = WeightedSketch.fromLevels(data);
    sketches.set(data, sketch);
  }
  return sketch.totalWeight > 0 ? sketch : undefined;
}

export function numericBuckets(feature: FeatureStatistics | undefined): KllBucket[] | undefined {
  const buckets = feature?.numerical_statistics?.distribution?.kll?.buckets;
  return buckets && buckets.length > 0 ? buckets : undefined;
}

/**
 * Category counts of a String feature, in bucket order. Absent when the analyzer wrote no buckets
 * (more than ~120 distinct values) or the counts are all zero.
 */
export function categoryCounts(feature: FeatureStatistics | undefined): CategoryCounts | undefined {
  const buckets = feature?.string_statistics?.distribution?.categorical?.buckets;
  if (!buckets || buckets.length === 0) {
    return undefined;
  }
  const counts = new Map<string, number>();
  for (const { value, count } of buckets) {
    counts.set(value, (counts.get(value) ?? 0) + Number(count));
  }
  return [...counts.values()].some(count => count > 0) ? counts : undefined;
}
