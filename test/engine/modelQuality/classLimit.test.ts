import { qualityStatistics } from '../../../src/engine/modelQuality';
import { DataError } from '../../../src/engine/errors';

// #22 item 6: a continuous score taken as the predicted label made the confusion matrix (and each
// resample behind the standard deviations) grow with the square of its distinct values.
const scores = Array.from({ length: 300 }, (_, i) => String(i / 300));
const labels = scores.map((_, i) => String(i % 2));

test('more distinct labels than --max-classes are refused, naming the side and what to do', () => {
  const run = () =>
    qualityStatistics(
      { actual: labels, predicted: scores },
      { problemType: 'BinaryClassification' }
    );
  expect(run).toThrow(DataError);
  expect(run).toThrow(
    /more than 256 distinct labels \(--max-classes\) for BinaryClassification, the predicted \(inference attribute\) labels past it look continuous \(e\.g\. "0\.85"\): pass scores as --probability-attribute/
  );
});

test('the limit is the option given; at it the matrix is made', () => {
  const classes = Array.from({ length: 300 }, (_, i) => `c${i}`);
  const options = { problemType: 'MulticlassClassification' as const, maxClasses: 300 };
  const statistics = qualityStatistics({ actual: classes, predicted: classes }, options);
  const matrix = (statistics.multiclass_classification_metrics as any).confusion_matrix;
  expect(Object.keys(matrix)).toHaveLength(300);
  expect(() =>
    qualityStatistics({ actual: classes, predicted: classes }, { ...options, maxClasses: 299 })
  ).toThrow(/more than 299 distinct labels/);
});

test('regression has no classes to count', () => {
  const values = { actual: scores, predicted: scores };
  expect(() =>
    qualityStatistics(values, { problemType: 'Regression', maxClasses: 2 })
  ).not.toThrow();
});
