/**
 * Two-sample Kolmogorov–Smirnov test from two sketches: D is the numeric L∞ distance (§5.3) and the
 * p-value the asymptotic Kolmogorov tail with Stephens' small-sample correction (FORMATS.md §8).
 */
import { numericLInfinity } from '../distance/numericLInfinity';
import { WeightedSketch } from '../distance/weightedSketch';

export interface KsResult {
  statistic: number;
  pValue: number;
}

export function kolmogorovSmirnovTest(baseline: WeightedSketch, current: WeightedSketch): KsResult {
  const statistic = numericLInfinity(baseline, current);
  return {
    statistic,
    pValue: kolmogorovSmirnovPValue(statistic, baseline.totalWeight, current.totalWeight)
  };
}

export function kolmogorovSmirnovPValue(d: number, n: number, m: number): number {
  const rootEn = Math.sqrt((n * m) / (n + m));
  const lambda = (rootEn + 0.12 + 0.11 / rootEn) * d;
  return Math.min(1, Math.max(0, kolmogorovTail(lambda)));
}

/**
 * Q(λ) = 2 Σ_{j≥1} (−1)^(j−1) e^(−2j²λ²), summed until the terms vanish against the sum. Near λ = 0
 * the series converges too slowly; Q is 1 to double precision there anyway.
 */
function kolmogorovTail(lambda: number): number {
  const MAX_TERMS = 200;
  let sum = 0;
  for (let j = 1; j <= MAX_TERMS; j++) {
    const sign = j % 2 === 1 ? 2 : -2;
    const term = sign * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
      return sum;
    }
  }
  return 1;
}
