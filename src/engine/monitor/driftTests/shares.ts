/** Counts to shares of their total (all zero when the total is zero). */
export function toShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return counts.map(count => (total > 0 ? count / total : 0));
}
