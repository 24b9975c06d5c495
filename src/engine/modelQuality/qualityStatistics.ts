import { DataError } from '../errors';
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
  /** Classification: distinct labels allowed (`--max-classes`); absent: DEFAULT_MAX_CLASSES. */
  maxClasses?: number;
}

export const DEFAULT_SEED = 42;

/**
 * The confusion matrix, and each resample behind the standard deviations, grows with the square
 * of the labels: a continuous score taken as the label took 44 s and 2.7 GB, then failed.
 */
export const DEFAULT_MAX_CLASSES = 256;

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
  checkClassCount(pairs, options);
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

/** Refuses classification labels past the class limit (DataError, with what to do instead). */
export function checkClassCount(pairs: QualityPairs, options: QualityOptions): void {
  if (options.problemType === 'Regression') {
    return;
  }
  const limit = options.maxClasses ?? DEFAULT_MAX_CLASSES;
  const labels = new Set<string>();
  const sides: [string, string[]][] = [
    ['ground truth', pairs.actual],
    ['predicted (inference attribute)', pairs.predicted]
  ];
  for (const [side, values] of sides) {
    for (const label of values) {
      labels.add(label);
      if (labels.size > limit) {
        throw new DataError(
          `more than ${limit} distinct labels (--max-classes) for ${options.problemType}, ` +
            `the ${side} labels past it look continuous (e.g. ${JSON.stringify(label)}): ` +
            'pass scores as --probability-attribute, or use --problem-type Regression'
        );
      }
    }
  }
}
