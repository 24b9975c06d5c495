import { sortLabels } from './labels';

/** counts[actual][predicted], over every label seen on either side (outer key = actual, §5.4). */
export interface ConfusionMatrix {
  labels: string[];
  counts: Map<string, Map<string, number>>;
}

export function confusionMatrix(actual: string[], predicted: string[]): ConfusionMatrix {
  const labels = sortLabels([...actual, ...predicted]);
  const counts = new Map(labels.map(a => [a, new Map(labels.map(p => [p, 0]))]));
  for (let i = 0; i < actual.length; i++) {
    const row = counts.get(actual[i])!;
    row.set(predicted[i], row.get(predicted[i])! + 1);
  }
  return { labels, counts };
}

/** The matrix as the nested JSON object SageMaker writes. */
export function confusionMatrixJson(
  matrix: ConfusionMatrix
): Record<string, Record<string, number>> {
  const json: Record<string, Record<string, number>> = {};
  for (const [actual, row] of matrix.counts) {
    json[actual] = Object.fromEntries(row);
  }
  return json;
}
