/**
 * Deequ's numeric distance: the largest gap between the two sketches' CDFs, evaluated at every item
 * of either sketch (the two-sample Kolmogorov–Smirnov D; FORMATS.md §5.3).
 */
import { cdfPair } from './cdfPair';
import { WeightedSketch } from './weightedSketch';

export function numericLInfinity(baseline: WeightedSketch, current: WeightedSketch): number {
  const { values, baseline: baselineCdf, current: currentCdf } = cdfPair(baseline, current);
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    largest = Math.max(largest, Math.abs(baselineCdf[i] - currentCdf[i]));
  }
  return largest;
}
