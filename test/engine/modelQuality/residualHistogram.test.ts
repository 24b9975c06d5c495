/** Our residual histogram of regression runs (x-jupyterlab-model-monitor), and what stays SageMaker's. */
import { qualityStatistics, residualHistogram } from '../../../src/engine/modelQuality';
import { writeQualityDocument } from '../../../src/engine/modelQuality/qualityDocuments';

const pairs = { actual: ['3', '1', '2', '5', '0'], predicted: ['1', '1', '1', '1', '1'] };

describe('residual histogram (actual - predicted)', () => {
  test('equal-width buckets over [min, max]; the maximum falls in the last bucket', () => {
    // residuals 2, 0, 1, 4, -1: min -1, max 4, width 1 with 5 bins
    expect(residualHistogram(pairs, 5)).toEqual({
      mean: 1.2,
      buckets: [
        { lower_bound: -1, upper_bound: 0, count: 1 },
        { lower_bound: 0, upper_bound: 1, count: 1 },
        { lower_bound: 1, upper_bound: 2, count: 1 },
        { lower_bound: 2, upper_bound: 3, count: 1 },
        { lower_bound: 3, upper_bound: 4, count: 1 }
      ]
    });
  });

  test('identical residuals give one bucket holding every row', () => {
    const same = { actual: ['2', '3'], predicted: ['1', '2'] };
    expect(residualHistogram(same)).toEqual({
      mean: 1,
      buckets: [{ lower_bound: 1, upper_bound: 1, count: 2 }]
    });
  });

  test('counts sum to the rows with the default 20 bins', () => {
    const { buckets } = residualHistogram(pairs);
    expect(buckets).toHaveLength(20);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(5);
  });

  test('regression statistics carry it only when asked; counts are written as longs', () => {
    const plain = qualityStatistics(pairs, { problemType: 'Regression' });
    expect(plain).not.toHaveProperty('x-jupyterlab-model-monitor');
    const stats = qualityStatistics(pairs, { problemType: 'Regression', residualHistogram: true });
    const text = writeQualityDocument(stats);
    expect(text).toContain('"x-jupyterlab-model-monitor" : {');
    expect(text).toContain('"lower_bound" : -1.0,');
    expect(text).toContain('"count" : 1\n');
  });

  test('classification statistics never carry it', () => {
    const labels = { actual: ['1', '0', '1'], predicted: ['1', '1', '0'] };
    const stats = qualityStatistics(labels, {
      problemType: 'MulticlassClassification',
      residualHistogram: true
    });
    expect(stats).not.toHaveProperty('x-jupyterlab-model-monitor');
  });
});
