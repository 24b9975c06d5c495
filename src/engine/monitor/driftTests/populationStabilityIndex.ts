/** PSI = Σ (p − q)·ln(p / q) over shared bins; an empty bin counts as share 1e-4 so the log stays finite. */
const EMPTY_BIN_SHARE = 1e-4;

export function populationStabilityIndex(
  baseline: readonly number[],
  current: readonly number[]
): number {
  let sum = 0;
  baseline.forEach((share, i) => {
    const p = share > 0 ? share : EMPTY_BIN_SHARE;
    const q = current[i] > 0 ? current[i] : EMPTY_BIN_SHARE;
    sum += (p - q) * Math.log(p / q);
  });
  return sum;
}
