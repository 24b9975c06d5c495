import { confusionMatrix } from './confusionMatrix';
import { F_BETAS, fMeasure, ratio } from './fMeasure';
import { sortLabels } from './labels';
import { ScalarMetrics } from './metricValue';
import { QualityPairs } from './qualityPairs';

interface ClassStats {
  count: number;
  total: number;
  precision: number;
  recall: number;
}

function classStats(pairs: QualityPairs): Map<string, ClassStats> {
  const matrix = confusionMatrix(pairs.actual, pairs.predicted);
  const n = pairs.actual.length;
  const stats = new Map<string, ClassStats>();
  for (const label of matrix.labels) {
    const row = matrix.counts.get(label)!;
    const actualCount = [...row.values()].reduce((a, b) => a + b, 0);
    let predictedCount = 0;
    for (const other of matrix.counts.values()) {
      predictedCount += other.get(label)!;
    }
    const correct = row.get(label)!;
    stats.set(label, {
      count: actualCount,
      total: n,
      precision: ratio(correct, predictedCount),
      recall: ratio(correct, actualCount)
    });
  }
  return stats;
}

/**
 * Spark's weighted metrics, `Σ metric · count / total` in that operation order: it decides the last
 * digit (the AWS example's weighted_f2_best_constant_classifier 0.10570313141262414).
 */
function weighted(stats: Map<string, ClassStats>, metric: (s: ClassStats) => number): number {
  let sum = 0;
  for (const s of stats.values()) {
    sum += (metric(s) * s.count) / s.total;
  }
  return sum;
}

/**
 * The constant classifier SageMaker compares with. Its AWS example (shares 0.806/0.194) reports
 * accuracy_best_constant_classifier 0.1937, i.e. the least frequent actual label; we follow it.
 */
function constantClass(stats: Map<string, ClassStats>): string {
  let best = '';
  let bestCount = Infinity;
  for (const label of sortLabels(stats.keys())) {
    const count = stats.get(label)!.count;
    if (count > 0 && count < bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

export function multiclassMetrics(pairs: QualityPairs): ScalarMetrics {
  const stats = classStats(pairs);
  const correct = pairs.actual.filter((label, i) => label === pairs.predicted[i]).length;
  const metrics: ScalarMetrics = {
    accuracy: ratio(correct, pairs.actual.length),
    weighted_recall: weighted(stats, s => s.recall),
    weighted_precision: weighted(stats, s => s.precision)
  };
  for (const [key, beta] of F_BETAS) {
    metrics[`weighted_${key}`] = weighted(stats, s => fMeasure(s.precision, s.recall, beta));
  }
  Object.assign(metrics, constantClassifierMetrics(stats.get(constantClass(stats))));
  return metrics;
}

/** Metrics of always predicting one class: only that class has nonzero precision and recall. */
function constantClassifierMetrics(chosen: ClassStats | undefined): ScalarMetrics {
  const count = chosen?.count ?? 0;
  const total = chosen?.total ?? 1;
  const share = count / total;
  const weight = (value: number) => (value * count) / total;
  const metrics: ScalarMetrics = {
    accuracy_best_constant_classifier: share,
    weighted_recall_best_constant_classifier: weight(1),
    weighted_precision_best_constant_classifier: weight(share)
  };
  for (const [key, beta] of F_BETAS) {
    metrics[`weighted_${key}_best_constant_classifier`] = weight(fMeasure(share, 1, beta));
  }
  return metrics;
}
