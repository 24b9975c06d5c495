/** Builders shared by the model-quality tests. */
import { createReadContext } from '../../../src/engine/io/readContext';
import { readDataset } from '../../../src/engine/io/readDataset';
import {
  addBatchPairs,
  emptyPairs,
  QualityAttributes,
  QualityPairs
} from '../../../src/engine/modelQuality';

/** Reads CSV text with the engine's reader into quality pairs. */
export async function csvPairs(text: string, attributes: QualityAttributes): Promise<QualityPairs> {
  const pairs = emptyPairs(attributes.probability !== undefined);
  const ctx = createReadContext('test.csv');
  for await (const batch of readDataset([text], { format: 'csv', header: true }, ctx)) {
    addBatchPairs(pairs, batch, attributes, { incomplete: 0 });
  }
  return pairs;
}

/** Pairs from a confusion matrix given as [actual, predicted, count] cells. */
export function pairsFromCells(cells: [string, string, number][]): QualityPairs {
  const pairs = emptyPairs(false);
  for (const [actual, predicted, count] of cells) {
    for (let i = 0; i < count; i++) {
      pairs.actual.push(actual);
      pairs.predicted.push(predicted);
    }
  }
  return pairs;
}

export function valuesOf(metrics: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, metric] of Object.entries(metrics as Record<string, { value?: number }>)) {
    if (typeof metric?.value === 'number') {
      out[key] = metric.value;
    }
  }
  return out;
}
