/**
 * The distributions a feature's drift tests compare, built from the two statistics documents, or
 * the reason they cannot be (FORMATS.md §8).
 */
import { FeatureStatistics } from '../../documents/statistics';
import { CategoryCounts } from '../distance/categoricalLInfinity';
import { WeightedSketch } from '../distance/weightedSketch';
import { categoryCounts, numericBuckets, numericSketch } from '../featureDistributions';
import { categoricalBinCounts } from './categoricalBins';
import { numericBinCounts } from './numericBins';
import { toShares } from './shares';

export type DistributionKind = 'numeric' | 'categorical';

interface BinnedShares {
  baselineShares: number[];
  currentShares: number[];
}

export interface NumericDriftInput extends BinnedShares {
  kind: 'numeric';
  baseline: WeightedSketch;
  current: WeightedSketch;
  baselineStdDev: number;
}

export interface CategoricalDriftInput extends BinnedShares {
  kind: 'categorical';
  baseline: CategoryCounts;
  current: CategoryCounts;
}

export type DriftInput = NumericDriftInput | CategoricalDriftInput;

/** Numeric or String by the baseline's statistics; an all-null (Unknown) baseline has neither. */
export function distributionKind(
  baseline: FeatureStatistics | undefined
): DistributionKind | undefined {
  if (baseline?.numerical_statistics) {
    return 'numeric';
  }
  return baseline?.string_statistics ? 'categorical' : undefined;
}

/** A string is the reason the feature's tests are skipped. */
export function driftInput(
  kind: DistributionKind,
  baseline: FeatureStatistics,
  current: FeatureStatistics | undefined
): DriftInput | string {
  if (!current) {
    return 'feature absent from current data';
  }
  return kind === 'numeric' ? numericInput(baseline, current) : categoricalInput(baseline, current);
}

function numericInput(
  baseline: FeatureStatistics,
  current: FeatureStatistics
): NumericDriftInput | string {
  const baselineSketch = numericSketch(baseline);
  const buckets = numericBuckets(baseline);
  if (!baselineSketch || !buckets) {
    return 'baseline has no KLL sketch and buckets';
  }
  const currentSketch = numericSketch(current);
  if (!currentSketch) {
    return 'current data has no numeric values to compare';
  }
  return {
    kind: 'numeric',
    baseline: baselineSketch,
    current: currentSketch,
    baselineStdDev: Number(baseline.numerical_statistics?.std_dev),
    baselineShares: toShares(numericBinCounts(baselineSketch, buckets)),
    currentShares: toShares(numericBinCounts(currentSketch, buckets))
  };
}

function categoricalInput(
  baseline: FeatureStatistics,
  current: FeatureStatistics
): CategoricalDriftInput | string {
  const baselineCounts = categoryCounts(baseline);
  if (!baselineCounts) {
    return 'baseline has no categorical buckets';
  }
  const currentCounts = categoryCounts(current);
  if (!currentCounts) {
    return 'current data has no categorical buckets';
  }
  const bins = categoricalBinCounts(baselineCounts, currentCounts);
  return {
    kind: 'categorical',
    baseline: baselineCounts,
    current: currentCounts,
    baselineShares: toShares(bins.baseline),
    currentShares: toShares(bins.current)
  };
}
