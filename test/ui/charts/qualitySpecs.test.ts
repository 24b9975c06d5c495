import {
  confusionCells,
  confusionMatrixSpec,
  metricThresholdSpec,
  prCurveSpec,
  residualHistogramSpec,
  rocCurveSpec
} from '../../../src/charts/qualitySpecs';
import { describeConformance } from '../../helpers/conformance';
import { binaryStatistics, regressionStatistics } from '../qualityFixtures';

const curveLabels = { title: 'ROC', x: 'FPR', y: 'TPR' };

describeConformance('model-quality chart specs on the real validation CSV', () => {
  const metrics: any = binaryStatistics().binary_classification_metrics;

  it('draws the confusion matrix with one labelled cell per (actual, predicted)', () => {
    const spec: any = confusionMatrixSpec(metrics.confusion_matrix, {
      actual: 'Actual',
      predicted: 'Predicted',
      count: 'Count'
    });
    expect(spec.data.values).toEqual([
      { actual: '0', predicted: '0', count: 173 },
      { actual: '0', predicted: '1', count: 0 },
      { actual: '1', predicted: '0', count: 12 },
      { actual: '1', predicted: '1', count: 16 }
    ]);
    expect(spec.layer.map((l: any) => l.mark.type)).toEqual(['rect', 'text']);
    expect(spec.encoding.x.scale.domain).toEqual(['0', '1']);
    const total = spec.data.values.reduce((s: number, v: any) => s + v.count, 0);
    expect(total).toBe(binaryStatistics().dataset.item_count);
  });

  it('writes cell counts with thousands separators (#18 item 13)', () => {
    const spec: any = confusionMatrixSpec(metrics.confusion_matrix, {
      actual: 'Actual',
      predicted: 'Predicted',
      count: 'Count'
    });
    // d3-format's ",": 1856 is written 1,856 (the legend already was).
    expect(spec.layer[1].encoding.text).toEqual({
      field: 'count',
      type: 'quantitative',
      format: ','
    });
  });

  it('draws the ROC curve from the file points with the chance diagonal', () => {
    const spec: any = rocCurveSpec(metrics.receiver_operating_characteristic_curve, curveLabels);
    const points = spec.layer[0].data.values;
    const roc = metrics.receiver_operating_characteristic_curve;
    expect(points).toHaveLength(roc.false_positive_rates.length);
    expect(points[5]).toEqual({
      x: roc.false_positive_rates[5],
      y: roc.true_positive_rates[5],
      order: 5
    });
    expect(spec.layer[1].data.values).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 }
    ]);
    // The trapezoid area under the drawn points is the file's auc (FORMATS.md §5.4).
    let area = 0;
    for (let i = 1; i < points.length; i++) {
      area += ((points[i].x - points[i - 1].x) * (points[i].y + points[i - 1].y)) / 2;
    }
    expect(area).toBeCloseTo(metrics.auc.value, 10);
  });

  it('draws the PR curve with recall on x and precision on y, no diagonal', () => {
    const spec: any = prCurveSpec(metrics.precision_recall_curve, curveLabels);
    const pr = metrics.precision_recall_curve;
    expect(spec.layer).toHaveLength(1);
    expect(spec.layer[0].data.values[20]).toEqual({
      x: pr.recalls[20],
      y: pr.precisions[20],
      order: 20
    });
  });

  it('draws the residual histogram with a rule at the mean', () => {
    const stats: any = regressionStatistics();
    const histogram = stats['x-jupyterlab-model-monitor'].residual_histogram;
    const spec: any = residualHistogramSpec(histogram, {
      residual: 'Residual',
      count: 'Rows',
      mean: 'Mean'
    });
    const bars = spec.layer[0].data.values;
    expect(bars).toHaveLength(histogram.buckets.length);
    expect(bars.reduce((s: number, b: any) => s + b.count, 0)).toBe(stats.dataset.item_count);
    expect(bars[0].lower).toBe(histogram.buckets[0].lower_bound);
    expect(spec.layer[1].data.values).toEqual([{ mean: histogram.mean }]);
  });
});

describe('confusion matrix edge cases', () => {
  it('fills missing cells with zero over the union of labels', () => {
    expect(confusionCells({ a: { b: 2 }, c: {} })).toEqual([
      { actual: 'a', predicted: 'a', count: 0 },
      { actual: 'a', predicted: 'b', count: 2 },
      { actual: 'a', predicted: 'c', count: 0 },
      { actual: 'b', predicted: 'a', count: 0 },
      { actual: 'b', predicted: 'b', count: 0 },
      { actual: 'b', predicted: 'c', count: 0 },
      { actual: 'c', predicted: 'a', count: 0 },
      { actual: 'c', predicted: 'b', count: 0 },
      { actual: 'c', predicted: 'c', count: 0 }
    ]);
  });

  it('keeps hostile labels as data, never as expressions', () => {
    const hostile = '<img src=x onerror=alert(1)>\'"';
    const spec: any = confusionMatrixSpec(
      { [hostile]: { [hostile]: 1 } },
      { actual: 'A', predicted: 'P', count: 'C' }
    );
    const withoutData = JSON.stringify({
      ...spec,
      data: undefined,
      encoding: {
        ...spec.encoding,
        x: { ...spec.encoding.x, scale: undefined },
        y: { ...spec.encoding.y, scale: undefined }
      }
    });
    expect(withoutData).not.toContain('onerror');
  });
});

describe('metricThresholdSpec', () => {
  const points = [
    { time: '2024-01-01T00:00:00Z', value: 0.9, violated: false },
    { time: '2024-01-01T01:00:00Z', value: 0.7, violated: true }
  ];
  const labels = { time: 'T', value: 'V', threshold: 'Threshold', violations: 'bad', none: 'ok' };

  it('adds a rule at the threshold and marks violating runs', () => {
    const spec: any = metricThresholdSpec('auc', points, 0.8, labels);
    expect(spec.layer).toHaveLength(3);
    expect(spec.layer[2].mark.type).toBe('rule');
    expect(spec.layer[2].data.values).toEqual([{ threshold: 0.8 }]);
    expect(spec.data.values.map((v: any) => v.status)).toEqual(['ok', 'bad']);
  });

  it('has no rule without a threshold', () => {
    expect((metricThresholdSpec('auc', points, null, labels) as any).layer).toHaveLength(2);
  });
});
