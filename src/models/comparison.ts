/**
 * Baseline vs current statistics, feature by feature: the numbers the comparison view shows.
 * The drift of a feature is the value baseline_drift_check compares with its threshold (the
 * Robust-corrected L∞ by default: engine/monitor/checks/baselineDriftCheck.ts), computed from the
 * two files and the baseline's monitoring settings, so it is the number in the run's violations.
 */
import { FeatureStatistics, KllBucket, StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import {
  categoryCounts,
  commonStatistics,
  featuresByName,
  numericSketch
} from '../engine/monitor/featureDistributions';
import { mergedValues } from '../engine/monitor/distance/weightedSketch';
import { featureDrift } from '../engine/monitor/checks/baselineDriftCheck';
import {
  DEFAULT_MONITORING_SETTINGS,
  MonitoringSettings
} from '../engine/monitor/monitoringSettings';

export type FeatureKind = 'numeric' | 'categorical' | 'other';

export interface FeatureComparison {
  name: string;
  kind: FeatureKind;
  baseline?: FeatureStatistics;
  current?: FeatureStatistics;
  baselineMissing?: number;
  currentMissing?: number;
  /** What the drift check compares; absent when one side has no distribution. */
  drift?: number;
  /** L∞ before the Robust correction, when the check corrects it (shown labelled as raw). */
  rawDrift?: number;
  /** The threshold `drift` is compared with (numeric and String features have their own). */
  driftThreshold?: number;
  /**
   * Shown as drifted: the run's violations hold a baseline_drift_check for it or, without a
   * violations file, the check would report one.
   */
  drifted: boolean;
  /** Check types of this feature's violations, in file order. */
  violations: string[];
}

/** The largest gap between two CDFs: where, and both CDF values there. */
export interface CdfGap {
  x: number;
  baseline: number;
  current: number;
  distance: number;
}

export interface CdfPoint {
  x: number;
  cdf: number;
}

export function compareStatistics(
  baseline: StatisticsDocument,
  current: StatisticsDocument,
  violations?: ViolationsDocument,
  settings: MonitoringSettings = DEFAULT_MONITORING_SETTINGS
): FeatureComparison[] {
  const baselineFeatures = featuresByName(baseline);
  const currentFeatures = featuresByName(current);
  const names = [...new Set([...baselineFeatures.keys(), ...currentFeatures.keys()])];
  return names.map(name =>
    compareFeature(
      name,
      baselineFeatures.get(name),
      currentFeatures.get(name),
      violations,
      settings
    )
  );
}

function compareFeature(
  name: string,
  baseline: FeatureStatistics | undefined,
  current: FeatureStatistics | undefined,
  violations: ViolationsDocument | undefined,
  settings: MonitoringSettings
): FeatureComparison {
  const checks = (violations?.violations ?? [])
    .filter(v => v.feature_name === name)
    .map(v => v.constraint_check_type);
  const drift = featureDrift(baseline, current, settings);
  return {
    name,
    kind: kindOf(current ?? baseline),
    baseline,
    current,
    baselineMissing: missingShare(baseline),
    currentMissing: missingShare(current),
    drift: drift?.distance,
    rawDrift: drift?.raw !== drift?.distance ? drift?.raw : undefined,
    driftThreshold: drift?.threshold,
    drifted: violations ? checks.includes('baseline_drift_check') : !!drift?.exceeds,
    violations: checks
  };
}

function kindOf(feature: FeatureStatistics | undefined): FeatureKind {
  if (feature?.numerical_statistics) {
    return 'numeric';
  }
  return feature?.string_statistics ? 'categorical' : 'other';
}

function missingShare(feature: FeatureStatistics | undefined): number | undefined {
  const common = feature && commonStatistics(feature);
  if (!common) {
    return undefined;
  }
  const total = common.num_present + common.num_missing;
  return total > 0 ? common.num_missing / total : undefined;
}

/** Where the two numeric CDFs are furthest apart (the point Deequ's L∞ distance is taken at). */
export function cdfGap(
  baseline: FeatureStatistics | undefined,
  current: FeatureStatistics | undefined
): CdfGap | undefined {
  const b = numericSketch(baseline);
  const c = numericSketch(current);
  if (!b || !c) {
    return undefined;
  }
  let gap: CdfGap | undefined;
  for (const x of mergedValues(b, c)) {
    const distance = Math.abs(b.cdf(x) - c.cdf(x));
    if (!gap || distance > gap.distance) {
      gap = { x, baseline: b.cdf(x), current: c.cdf(x), distance };
    }
  }
  return gap;
}

/** The empirical CDF of a feature's sketch as steps; at most `maxPoints`, thinned evenly. */
export function cdfPoints(feature: FeatureStatistics | undefined, maxPoints = 400): CdfPoint[] {
  const sketch = numericSketch(feature);
  if (!sketch) {
    return [];
  }
  const values = sketch.values;
  const step = Math.max(1, Math.ceil(values.length / maxPoints));
  const points: CdfPoint[] = [];
  for (let i = 0; i < values.length; i += step) {
    points.push({ x: values[i], cdf: sketch.cdf(values[i]) });
  }
  const last = values[values.length - 1];
  if (points[points.length - 1].x !== last) {
    points.push({ x: last, cdf: 1 });
  }
  return points;
}

/** Bins of one width over both sides' range, each side's share of rows in each. */
export interface SharedBins {
  baseline: KllBucket[];
  current: KllBucket[];
}

/**
 * Both sides' distributions over the same bin edges (from the smaller minimum to the larger
 * maximum), from their KLL sketches: each file's own 10 buckets have edges of their own, and the
 * bars overlapped offset. Undefined without both sketches.
 */
export function sharedBins(
  baseline: FeatureStatistics | undefined,
  current: FeatureStatistics | undefined,
  count = 20
): SharedBins | undefined {
  const b = numericSketch(baseline);
  const c = numericSketch(current);
  if (!b || !c) {
    return undefined;
  }
  const low = Math.min(b.values[0], c.values[0]);
  const high = Math.max(b.values[b.values.length - 1], c.values[c.values.length - 1]);
  const bins = high > low ? count : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) =>
    i === bins ? high : low + ((high - low) * i) / bins
  );
  const shares = (sketch: typeof b): KllBucket[] =>
    edges.slice(1).map((upper, i) => ({
      lower_bound: edges[i],
      upper_bound: upper,
      // Rows in (lower, upper]; the first bin also holds the minimum itself.
      count: sketch.cdf(upper) - (i === 0 ? 0 : sketch.cdf(edges[i]))
    }));
  return { baseline: shares(b), current: shares(c) };
}

export interface CategoryShare {
  value: string;
  baseline: number;
  current: number;
}

/** The most frequent categories of either side, with each side's share, largest first. */
export function topCategories(
  baseline: FeatureStatistics | undefined,
  current: FeatureStatistics | undefined,
  limit = 15
): CategoryShare[] {
  const b = categoryCounts(baseline) ?? new Map<string, number>();
  const c = categoryCounts(current) ?? new Map<string, number>();
  const share = (counts: ReadonlyMap<string, number>) => {
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    return (value: string) => (total > 0 ? (counts.get(value) ?? 0) / total : 0);
  };
  const [bShare, cShare] = [share(b), share(c)];
  return [...new Set([...b.keys(), ...c.keys()])]
    .map(value => ({ value, baseline: bShare(value), current: cShare(value) }))
    .sort((x, y) => Math.max(y.baseline, y.current) - Math.max(x.baseline, x.current))
    .slice(0, limit);
}
