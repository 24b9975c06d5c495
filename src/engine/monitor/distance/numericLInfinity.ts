/**
 * Deequ's numeric distance: the largest gap between the two sketches' CDFs, evaluated at every item
 * of either sketch (the two-sample Kolmogorov–Smirnov D; FORMATS.md §5.3).
 */
import { mergedValues, WeightedSketch } from './weightedSketch';

export function numericLInfinity(baseline: WeightedSketch, current: WeightedSketch): number {
  let largest = 0;
  for (const x of mergedValues(baseline, current)) {
    largest = Math.max(largest, Math.abs(baseline.cdf(x) - current.cdf(x)));
  }
  return largest;
}
