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
import { FeatureStatistics } from '../../documents/statistics';
import { MonitoringSettings } from '../monitoringSettings';
import { FeatureContext } from './featureContext';

export interface DriftComparison {
  /** The value compared, after the Robust correction (a p-value for Robust ChiSquared). */
  distance: number;
  /** L∞ before the Robust correction (equal to `distance` for Simple); absent for ChiSquared. */
  raw?: number;
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
  return featureDrift(context.baseline, context.current, context.settings);
}

/**
 * What baseline_drift_check compares for one feature, from its two statistics: every view that
 * shows a drift distance shows this one, so a number never differs from the check's.
 */
export function featureDrift(
  baselineFeature: FeatureStatistics | undefined,
  currentFeature: FeatureStatistics | undefined,
  settings: MonitoringSettings
): DriftComparison | undefined {
  return (
    numericComparison(baselineFeature, currentFeature, settings) ??
    categoricalComparison(baselineFeature, currentFeature, settings)
  );
}

function numericComparison(
  baselineFeature: FeatureStatistics | undefined,
  currentFeature: FeatureStatistics | undefined,
  settings: MonitoringSettings
): DriftComparison | undefined {
  const baseline = numericSketch(baselineFeature);
  const current = numericSketch(currentFeature);
  if (!baseline || !current) {
    return undefined;
  }
  const { comparisonMethod, comparisonThreshold: threshold } = settings;
  const simple = numericLInfinity(baseline, current);
  const distance =
    comparisonMethod === 'Robust'
      ? robustLInfinity(simple, baseline.totalWeight, current.totalWeight)
      : simple;
  return { distance, raw: simple, threshold, exceeds: distance > threshold };
}

function categoricalComparison(
  baselineFeature: FeatureStatistics | undefined,
  currentFeature: FeatureStatistics | undefined,
  settings: MonitoringSettings
): DriftComparison | undefined {
  const baseline = categoryCounts(baselineFeature);
  const current = categoryCounts(currentFeature);
  if (!baseline || !current) {
    return undefined;
  }
  const { comparisonMethod, categoricalDriftMethod } = settings;
  const threshold = settings.categoricalComparisonThreshold;
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
  return { distance, raw: simple, threshold, exceeds: distance > threshold };
}
