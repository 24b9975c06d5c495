/**
 * The rows a quality metric is computed from: the observed label, the model's predicted label and,
 * for binary classification, the predicted probability of the positive class.
 */
export interface QualityPairs {
  actual: string[];
  predicted: string[];
  probability?: number[];
}

export function emptyPairs(withProbability: boolean): QualityPairs {
  return withProbability
    ? { actual: [], predicted: [], probability: [] }
    : { actual: [], predicted: [] };
}

export function pairCount(pairs: QualityPairs): number {
  return pairs.actual.length;
}

/** The pairs at the given row indices (used by resampling). */
export function selectPairs(pairs: QualityPairs, rows: number[]): QualityPairs {
  const pick = <T>(values: T[]): T[] => rows.map(i => values[i]);
  return {
    actual: pick(pairs.actual),
    predicted: pick(pairs.predicted),
    probability: pairs.probability && pick(pairs.probability)
  };
}
