/**
 * Hellinger distance √(1 − Σ√(p·q)), in [0, 1]. Computed as √(½ Σ(√p − √q)²), equal for shares
 * that sum to 1, so that identical distributions give exactly 0 rather than rounding noise.
 */
export function hellingerDistance(baseline: readonly number[], current: readonly number[]): number {
  let sum = 0;
  baseline.forEach((p, i) => {
    const gap = Math.sqrt(p) - Math.sqrt(current[i]);
    sum += gap * gap;
  });
  return Math.min(1, Math.sqrt(sum / 2));
}
