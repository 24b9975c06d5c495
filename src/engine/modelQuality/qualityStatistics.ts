import { curvesOf, binaryScalarMetrics } from './binaryMetrics';
import { confusionMatrix, confusionMatrixJson } from './confusionMatrix';
import { MetricValue, ScalarMetrics } from './metricValue';
import { metricsKey, ProblemType } from './problemType';
import { QualityPairs } from './qualityPairs';
import { regressionMetrics } from './regressionMetrics';
import { multiclassMetrics } from './multiclassMetrics';
import { QUALITY_EXTENSION_KEY, residualHistogram } from './residualHistogram';
import { standardDeviations } from './standardDeviation';

export interface QualityOptions {
  problemType: ProblemType;
  /** Binary classification: the label counted as positive. */
  positiveLabel?: string;
  /** Seed of the resampling behind standard deviations. */
  seed?: number;
  /** ISO time for `dataset.evaluation_time`; omitted (as in 2021 baselines) when absent. */
  evaluationTime?: string;
  /** Regression: add our residual histogram under `x-jupyterlab-model-monitor` (not in 2021 files). */
  residualHistogram?: boolean;
}

export const DEFAULT_SEED = 42;

/** The model-quality statistics.json document, keys in SageMaker's order. */
export interface QualityStatistics {
  version: number;
  dataset: { item_count: number; evaluation_time?: string };
  [metricsKey: string]: unknown;
}

export function scalarMetricsFunction(
  options: QualityOptions
): (pairs: QualityPairs) => ScalarMetrics {
  switch (options.problemType) {
    case 'Regression':
      return regressionMetrics;
    case 'MulticlassClassification':
      return multiclassMetrics;
    case 'BinaryClassification': {
      const positive = options.positiveLabel ?? '1';
      return pairs => binaryScalarMetrics(pairs, positive, curvesOf(pairs, positive));
    }
  }
}

export function qualityStatistics(pairs: QualityPairs, options: QualityOptions): QualityStatistics {
  const compute = scalarMetricsFunction(options);
  const scalars = compute(pairs);
  const deviations = standardDeviations(pairs, compute, options.seed ?? DEFAULT_SEED);
  const metrics: Record<string, unknown> = {};
  if (options.problemType !== 'Regression') {
    metrics.confusion_matrix = confusionMatrixJson(confusionMatrix(pairs.actual, pairs.predicted));
  }
  for (const [key, value] of Object.entries(scalars)) {
    if (key === 'auc') {
      addCurves(metrics, pairs, options.positiveLabel ?? '1');
    }
    metrics[key] = { value, standard_deviation: deviations[key] ?? NaN } satisfies MetricValue;
  }
  const dataset: QualityStatistics['dataset'] = { item_count: pairs.actual.length };
  if (options.evaluationTime) {
    dataset.evaluation_time = options.evaluationTime;
  }
  const statistics: QualityStatistics = {
    version: 0.0,
    dataset,
    [metricsKey(options.problemType)]: metrics
  };
  if (options.residualHistogram && options.problemType === 'Regression') {
    statistics[QUALITY_EXTENSION_KEY] = { residual_histogram: residualHistogram(pairs) };
  }
  return statistics;
}

function addCurves(metrics: Record<string, unknown>, pairs: QualityPairs, positive: string): void {
  const curves = curvesOf(pairs, positive);
  metrics.receiver_operating_characteristic_curve = {
    false_positive_rates: curves.falsePositiveRates,
    true_positive_rates: curves.truePositiveRates
  };
  metrics.precision_recall_curve = { precisions: curves.precisions, recalls: curves.recalls };
}
