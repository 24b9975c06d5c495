/**
 * Deequ's numeric distance: the largest gap between the two sketches' CDFs, evaluated at every item
 * of either sketch (the two-sample Kolmogorov–Smirnov D; FORMATS.md §5.3).
 */
import { cdfPair } from './cdfPair';
import { WeightedSketch } from './weightedSketch';

export function numericLInfinity(baseline: WeightedSketch, current: WeightedSketch): number {
  return cdfPair(baseline, current).largestGap;
}
