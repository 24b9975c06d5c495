/**
 * ROC and precision-recall curves as Spark's BinaryClassificationMetrics builds them (no binning):
 * one point per distinct score, highest first; ROC framed by (0,0) and (1,1), PR starting at
 * recall 0 with the first precision. `auc` is the trapezoid area over the ROC points (§5.4).
 */
export interface Curves {
  falsePositiveRates: number[];
  truePositiveRates: number[];
  precisions: number[];
  recalls: number[];
  auc: number;
}

export function binaryCurves(scores: number[], isPositive: boolean[]): Curves {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = isPositive.filter(Boolean).length;
  const negatives = isPositive.length - positives;
  const curves: Curves = {
    falsePositiveRates: [0],
    truePositiveRates: [0],
    precisions: [],
    recalls: [0],
    auc: 0
  };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (isPositive[i]) {
      tp++;
    } else {
      fp++;
    }
    if (k + 1 < order.length && scores[order[k + 1]] === scores[i]) {
      continue;
    }
    curves.falsePositiveRates.push(negatives === 0 ? 0 : fp / negatives);
    curves.truePositiveRates.push(positives === 0 ? 0 : tp / positives);
    curves.precisions.push(tp / (tp + fp));
    curves.recalls.push(positives === 0 ? 0 : tp / positives);
  }
  curves.precisions.unshift(curves.precisions.length > 0 ? curves.precisions[0] : 1);
  curves.falsePositiveRates.push(1);
  curves.truePositiveRates.push(1);
  curves.auc = trapezoidArea(curves.falsePositiveRates, curves.truePositiveRates);
  return curves;
}

export function trapezoidArea(x: number[], y: number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) {
    area += ((y[i - 1] + y[i]) / 2) * (x[i] - x[i - 1]);
  }
  return area;
}
