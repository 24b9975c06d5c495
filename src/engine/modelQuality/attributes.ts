/**
 * Where the prediction, probability and label are found (SageMaker's `inference_attribute`,
 * `probability_attribute`, `ground_truth_attribute`): a column name, or a 0-based index as text.
 */
export interface QualityAttributes {
  inference?: string;
  probability?: string;
  groundTruth?: string;
  /** `probability_threshold_attribute`: probability above it predicts the positive label. */
  probabilityThreshold?: number;
  positiveLabel?: string;
}

export const DEFAULT_THRESHOLD = 0.5;

/** The label predicted from a probability when no inference attribute is given. */
export function labelFromProbability(probability: number, attributes: QualityAttributes): string {
  const positive = attributes.positiveLabel ?? '1';
  // Spark's classifiers predict the positive class only strictly above the threshold.
  return probability > (attributes.probabilityThreshold ?? DEFAULT_THRESHOLD)
    ? positive
    : negativeOf(positive);
}

function negativeOf(positive: string): string {
  if (positive === 'true' || positive === 'false') {
    return positive === 'true' ? 'false' : 'true';
  }
  return positive === '0' ? '1' : '0';
}

/** Index of a column named by the attribute: by name first, then as a 0-based index. */
export function columnIndex(names: string[], attribute: string): number {
  const byName = names.indexOf(attribute);
  if (byName >= 0) {
    return byName;
  }
  return /^\d+$/.test(attribute) ? Number(attribute) : -1;
}
