/** F-beta as Spark's MulticlassMetrics computes it: 0 when precision and recall are both 0. */
export function fMeasure(precision: number, recall: number, beta: number): number {
  const betaSquared = beta * beta;
  if (precision + recall === 0) {
    return 0;
  }
  return ((1 + betaSquared) * precision * recall) / (betaSquared * precision + recall);
}

/** The F-betas SageMaker reports, with their key suffixes. */
export const F_BETAS: readonly [string, number][] = [
  ['f0_5', 0.5],
  ['f1', 1],
  ['f2', 2]
];

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
