/**
 * Model-quality statistics computed by the engine from the real SageMaker example CSV
 * (amazon-sagemaker-examples/model_quality_monitoring/validation_with_predictions.csv).
 */
import { QualityStatistics, qualityStatistics } from '../../src/engine/modelQuality';
import { readConformance } from '../helpers/conformance';

export const VALIDATION_CSV =
  'amazon-sagemaker-examples/model_quality_monitoring/validation_with_predictions.csv';

function validationRows(): string[][] {
  const [, ...rows] = readConformance(VALIDATION_CSV).trim().split('\n');
  return rows.map(line => line.split(','));
}

/** Binary classification: columns probability, prediction, label. */
export function binaryStatistics(): QualityStatistics {
  const rows = validationRows();
  return qualityStatistics(
    {
      actual: rows.map(r => r[2]),
      predicted: rows.map(r => r[1]),
      probability: rows.map(r => Number(r[0]))
    },
    { problemType: 'BinaryClassification', positiveLabel: '1' }
  );
}

/** Regression of the label on the probability, with our residual histogram. */
export function regressionStatistics(): QualityStatistics {
  const rows = validationRows();
  return qualityStatistics(
    { actual: rows.map(r => r[2]), predicted: rows.map(r => r[0]) },
    { problemType: 'Regression', residualHistogram: true }
  );
}
