/**
 * Jensen–Shannon distance √((KL(p‖m) + KL(q‖m)) / 2), m = (p + q)/2, natural log, so it lies in
 * [0, √ln 2 ≈ 0.833]. Empty bins contribute nothing (0·ln 0 = 0); no smoothing.
 */
export function jensenShannonDistance(
  baseline: readonly number[],
  current: readonly number[]
): number {
  const mixture = baseline.map((p, i) => (p + current[i]) / 2);
  const divergence = (kullbackLeibler(baseline, mixture) + kullbackLeibler(current, mixture)) / 2;
  return Math.sqrt(Math.max(0, divergence));
}

function kullbackLeibler(shares: readonly number[], reference: readonly number[]): number {
  let sum = 0;
  shares.forEach((share, i) => {
    if (share > 0) {
      sum += share * Math.log(share / reference[i]);
    }
  });
  return sum;
}
