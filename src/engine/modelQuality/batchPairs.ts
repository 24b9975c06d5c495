import { cellAt, Column, ColumnBatch } from '../io/batch';
import { UsageError } from '../errors';
import { columnIndex, labelFromProbability, QualityAttributes } from './attributes';
import { normalizeLabel } from './labels';
import { QualityPairs } from './qualityPairs';

export interface SkippedRows {
  /** Rows missing the label, the prediction, or a numeric probability. */
  incomplete: number;
}

function column(batch: ColumnBatch, attribute: string | undefined, role: string) {
  if (attribute === undefined) {
    return undefined;
  }
  const index = columnIndex(batch.names, attribute);
  if (index < 0 || index >= batch.columns.length) {
    throw new UsageError(`${role} attribute ${JSON.stringify(attribute)} is not a column`);
  }
  const cells: Column = batch.columns[index];
  return { at: (row: number) => cellAt(cells, row) };
}

/** Appends a baseline dataset batch's rows to `pairs` (baseline: one table holds both sides). */
export function addBatchPairs(
  pairs: QualityPairs,
  batch: ColumnBatch,
  attributes: QualityAttributes,
  skipped: SkippedRows
): void {
  const actual = column(batch, attributes.groundTruth, 'ground-truth')!;
  const predicted = column(batch, attributes.inference, 'inference');
  const probability = column(batch, attributes.probability, 'probability');
  for (let row = 0; row < batch.rowCount; row++) {
    const label = normalizeLabel(actual.at(row));
    const score = probability ? Number(probability.at(row) ?? NaN) : undefined;
    const prediction = predicted
      ? normalizeLabel(predicted.at(row))
      : score !== undefined && Number.isFinite(score)
        ? labelFromProbability(score, attributes)
        : null;
    if (label === null || prediction === null || (score !== undefined && !Number.isFinite(score))) {
      skipped.incomplete++;
      continue;
    }
    pairs.actual.push(label);
    pairs.predicted.push(prediction);
    if (score !== undefined) {
      pairs.probability?.push(score);
    }
  }
}
