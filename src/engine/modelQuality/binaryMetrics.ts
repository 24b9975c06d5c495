import { F_BETAS, fMeasure, ratio } from './fMeasure';
import { ScalarMetrics } from './metricValue';
import { QualityPairs } from './qualityPairs';
import { binaryCurves, Curves } from './rocCurve';

interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

function countOutcomes(pairs: QualityPairs, positive: string): Counts {
  const counts: Counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < pairs.actual.length; i++) {
    const actual = pairs.actual[i] === positive;
    const predicted = pairs.predicted[i] === positive;
    counts[predicted ? (actual ? 'tp' : 'fp') : actual ? 'fn' : 'tn']++;
  }
  return counts;
}

/**
 * Scalar binary metrics in SageMaker's order. The rates' complements are computed as `1 - rate`, as
 * the AWS example shows (`true_negative_rate` 0.33333333333333337 beside `false_positive_rate`
 * 0.6666666666666666). The best constant classifier always predicts the positive label.
 */
export function binaryScalarMetrics(
  pairs: QualityPairs,
  positive: string,
  curves: Curves
): ScalarMetrics {
  const { tp, fp, tn, fn } = countOutcomes(pairs, positive);
  const n = tp + fp + tn + fn;
  const recall = ratio(tp, tp + fn);
  const precision = ratio(tp, tp + fp);
  const share = ratio(tp + fn, n);
  const constantRecall = tp + fn > 0 ? 1 : 0;
  const fpr = ratio(fp, fp + tn);
  const metrics: ScalarMetrics = {
    recall,
    precision,
    accuracy: ratio(tp + tn, n),
    recall_best_constant_classifier: constantRecall,
    precision_best_constant_classifier: share,
    accuracy_best_constant_classifier: share,
    true_positive_rate: recall,
    true_negative_rate: 1 - fpr,
    false_positive_rate: fpr,
    false_negative_rate: 1 - recall,
    auc: curves.auc
  };
  for (const [key, beta] of F_BETAS) {
    metrics[key] = fMeasure(precision, recall, beta);
  }
  for (const [key, beta] of F_BETAS) {
    metrics[`${key}_best_constant_classifier`] = fMeasure(share, constantRecall, beta);
  }
  return metrics;
}

/** Scores for the curves: the probability when there is one, else the predicted label as 0/1. */
export function curvesOf(pairs: QualityPairs, positive: string): Curves {
  const scores = pairs.probability ?? pairs.predicted.map(label => (label === positive ? 1 : 0));
  return binaryCurves(
    scores,
    pairs.actual.map(label => label === positive)
  );
}

export function binaryMetrics(pairs: QualityPairs, positive: string): ScalarMetrics {
  return binaryScalarMetrics(pairs, positive, curvesOf(pairs, positive));
}
