/**
 * The chart of one feature's two distributions: both histograms over shared bin edges (else each
 * file's own buckets) for a numeric feature, the top values side by side for a categorical one.
 */
import type { TopLevelSpec } from 'vega-lite';

import { numericBuckets } from '../engine/monitor/featureDistributions';
import { FeatureComparison, sharedBins, topCategories } from '../models/comparison';
import {
  categoryComparisonSpec,
  ComparisonLabels,
  histogramComparisonSpec
} from './comparisonSpecs';

export function distributionSpec(
  feature: FeatureComparison,
  labels: ComparisonLabels,
  height?: number
): TopLevelSpec | null {
  const shared = sharedBins(feature.baseline, feature.current);
  const baselineBuckets = shared?.baseline ?? numericBuckets(feature.baseline);
  const currentBuckets = shared?.current ?? numericBuckets(feature.current);
  if (baselineBuckets && currentBuckets) {
    return histogramComparisonSpec(feature.name, baselineBuckets, currentBuckets, labels, height);
  }
  if (feature.kind === 'categorical') {
    const shares = topCategories(feature.baseline, feature.current);
    return shares.length ? categoryComparisonSpec(feature.name, shares, labels, height) : null;
  }
  return null;
}
