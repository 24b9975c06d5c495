/**
 * Wasserstein-1 distance between two sketches, ∫|F_b − F_c| dx over the merged items, divided by the
 * baseline standard deviation so that it has no unit (FORMATS.md §8).
 */
import { cdfPair } from '../distance/cdfPair';
import { WeightedSketch } from '../distance/weightedSketch';

const MIN_SCALE = 0.001;

export function normalisedWasserstein(
  baseline: WeightedSketch,
  current: WeightedSketch,
  baselineStdDev: number
): number {
  const area = cdfPair(baseline, current).gapArea;
  const scale = Number.isFinite(baselineStdDev) ? Math.max(baselineStdDev, MIN_SCALE) : MIN_SCALE;
  return area / scale;
}
