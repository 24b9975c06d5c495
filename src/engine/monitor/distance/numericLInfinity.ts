/**
 * Deequ's numeric distance: the largest gap between the two sketches' CDFs, evaluated at every item
 * of either sketch (the two-sample Kolmogorov–Smirnov D; FORMATS.md §5.3).
 */
import { mergedValues, WeightedSketch } from './weightedSketch';

export function numericLInfinity(baseline: WeightedSketch, current: WeightedSketch): number {
  const values = mergedValues(baseline, current);
  const baselineCdf = baseline.cdfs(values);
  const currentCdf = current.cdfs(values);
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    largest = Math.max(largest, Math.abs(baselineCdf[i] - currentCdf[i]));
  }
  return largest;
}
