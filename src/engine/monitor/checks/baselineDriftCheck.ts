/**
 * baseline_drift_check: the distance between the baseline and current distributions exceeds its
 * threshold (FORMATS.md §5.2, §5.3). Numeric features compare KLL sketches, String features their
 * category counts; a feature needs the same kind of distribution on both sides.
 */
import { Violation } from '../../documents/violations';
import { formatJavaDouble } from '../../format/javaDouble';
import { categoricalLInfinity, totalCount } from '../distance/categoricalLInfinity';
import { chiSquareTest } from '../distance/chiSquareTest';
import { numericLInfinity } from '../distance/numericLInfinity';
import { robustLInfinity } from '../distance/robustLInfinity';
import { categoryCounts, numericSketch } from '../featureDistributions';
import { FeatureContext } from './featureContext';

export interface DriftComparison {
  /** The value compared, after the Robust correction (a p-value for Robust ChiSquared). */
  distance: number;
  threshold: number;
  exceeds: boolean;
}

export function baselineDriftCheck(context: FeatureContext): Violation | undefined {
  const comparison = baselineDriftComparison(context);
  if (!comparison?.exceeds) {
    return undefined;
  }
  return {
    feature_name: context.constraint.name,
    constraint_check_type: 'baseline_drift_check',
    description: driftDescription(comparison.distance, comparison.threshold)
  };
}

export function driftDescription(distance: number, threshold: number): string {
  return `Baseline drift distance: ${formatJavaDouble(distance)} exceeds threshold: ${formatJavaDouble(threshold)}`;
}

export function baselineDriftComparison(context: FeatureContext): DriftComparison | undefined {
  return numericComparison(context) ?? categoricalComparison(context);
}

function numericComparison(context: FeatureContext): DriftComparison | undefined {
  const baseline = numericSketch(context.baseline);
  const current = numericSketch(context.current);
  if (!baseline || !current) {
    return undefined;
  }
  const { comparisonMethod, comparisonThreshold: threshold } = context.settings;
  const simple = numericLInfinity(baseline, current);
  const distance =
    comparisonMethod === 'Robust'
      ? robustLInfinity(simple, baseline.totalWeight, current.totalWeight)
      : simple;
  return { distance, threshold, exceeds: distance > threshold };
}

function categoricalComparison(context: FeatureContext): DriftComparison | undefined {
  const baseline = categoryCounts(context.baseline);
  const current = categoryCounts(context.current);
  if (!baseline || !current) {
    return undefined;
  }
  const { comparisonMethod, categoricalDriftMethod } = context.settings;
  const threshold = context.settings.categoricalComparisonThreshold;
  if (categoricalDriftMethod === 'ChiSquared') {
    const result = chiSquareTest(current, baseline);
    // Deequ returns the p-value for Robust and the statistic for Simple; a small p-value is drift.
    return comparisonMethod === 'Robust'
      ? { distance: result.pValue, threshold, exceeds: result.pValue < threshold }
      : { distance: result.statistic, threshold, exceeds: result.statistic > threshold };
  }
  const simple = categoricalLInfinity(baseline, current);
  const distance =
    comparisonMethod === 'Robust'
      ? robustLInfinity(simple, totalCount(baseline), totalCount(current))
      : simple;
  return { distance, threshold, exceeds: distance > threshold };
}
