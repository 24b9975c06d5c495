/**
 * Deequ's "robust" L∞: the simple distance less the two-sample KS critical value at α ≈ 0.003
 * (c(α) = 1.8), floored at 0, so that small samples do not read as drift (FORMATS.md §5.3).
 */
const C_ALPHA = 1.8;

export function robustLInfinity(simple: number, n: number, m: number): number {
  return Math.max(0.0, simple - C_ALPHA * Math.sqrt((n + m) / (n * m)));
}
