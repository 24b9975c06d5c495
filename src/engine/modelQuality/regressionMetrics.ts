import { ScalarMetrics } from './metricValue';
import { QualityPairs } from './qualityPairs';

/**
 * mae, mse, rmse, r2 with left-to-right sums, which reproduces SageMaker's regression baseline to the
 * last digit (checked on the SDK's quality_check_step fixture).
 */
export function regressionMetrics(pairs: QualityPairs): ScalarMetrics {
  const actual = pairs.actual.map(Number);
  const predicted = pairs.predicted.map(Number);
  const n = actual.length;
  let absSum = 0;
  let squaredSum = 0;
  let actualSum = 0;
  for (let i = 0; i < n; i++) {
    const error = actual[i] - predicted[i];
    absSum += Math.abs(error);
    squaredSum += error * error;
    actualSum += actual[i];
  }
  const mean = actualSum / n;
  let totalSquares = 0;
  for (const y of actual) {
    totalSquares += (y - mean) * (y - mean);
  }
  const mse = squaredSum / n;
  return {
    mae: absSum / n,
    mse,
    rmse: Math.sqrt(mse),
    r2: 1 - (mse * n) / totalSquares
  };
}
