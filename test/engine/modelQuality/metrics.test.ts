/** Metric values against the AWS "Model quality metrics" page examples and hand computations. */
import { binaryMetrics } from '../../../src/engine/modelQuality/binaryMetrics';
import { multiclassMetrics } from '../../../src/engine/modelQuality/multiclassMetrics';
import { qualityStatistics } from '../../../src/engine/modelQuality';
import { binaryCurves } from '../../../src/engine/modelQuality/rocCurve';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { csvPairs, pairsFromCells, valuesOf } from './qualityHelpers';

describe('multiclass metrics (AWS example confusion matrix, outer key = actual)', () => {
  const pairs = pairsFromCells([
    ['0', '0', 1180],
    ['0', '1', 510],
    ['1', '0', 268],
    ['1', '1', 138]
  ]);

  test('every value equals the AWS example to the last digit', () => {
    expect(multiclassMetrics(pairs)).toEqual({
      accuracy: 0.6288167938931297,
      weighted_recall: 0.6288167938931297,
      weighted_precision: 0.6983172269629505,
      weighted_f0_5: 0.6803947317178771,
      weighted_f1: 0.6571162346664904,
      weighted_f2: 0.6384024354394601,
      accuracy_best_constant_classifier: 0.19370229007633588,
      weighted_recall_best_constant_classifier: 0.19370229007633588,
      weighted_precision_best_constant_classifier: 0.03752057718081697,
      weighted_f0_5_best_constant_classifier: 0.04473443104152011,
      weighted_f1_best_constant_classifier: 0.06286421244683643,
      weighted_f2_best_constant_classifier: 0.10570313141262414
    });
  });

  test('the confusion matrix is written with long counts', () => {
    const stats = qualityStatistics(pairs, { problemType: 'MulticlassClassification' });
    expect(stats.multiclass_classification_metrics).toMatchObject({
      confusion_matrix: { '0': { '0': 1180, '1': 510 }, '1': { '0': 268, '1': 138 } }
    });
  });
});

describe('binary metrics (AWS example counts: TN 1, FP 2, TP 1)', () => {
  const pairs = pairsFromCells([
    ['0', '0', 1],
    ['0', '1', 2],
    ['1', '1', 1]
  ]);

  test('scalar values equal the AWS example', () => {
    const metrics = binaryMetrics(pairs, '1');
    expect(metrics).toMatchObject({
      recall: 1.0,
      precision: 0.3333333333333333,
      accuracy: 0.5,
      recall_best_constant_classifier: 1.0,
      precision_best_constant_classifier: 0.25,
      accuracy_best_constant_classifier: 0.25,
      true_positive_rate: 1.0,
      true_negative_rate: 0.33333333333333337,
      false_positive_rate: 0.6666666666666666,
      false_negative_rate: 0.0,
      f0_5: 0.3846153846153846,
      f1: 0.5,
      f2: 0.7142857142857143,
      f0_5_best_constant_classifier: 0.29411764705882354,
      f1_best_constant_classifier: 0.4,
      f2_best_constant_classifier: 0.625
    });
  });

  test('statistics keep SageMaker key order, curves before auc, std "NaN" under 200 rows', () => {
    const stats = qualityStatistics(pairs, { problemType: 'BinaryClassification' });
    const metrics = stats.binary_classification_metrics as Record<string, unknown>;
    expect(Object.keys(metrics)).toEqual([
      'confusion_matrix',
      'recall',
      'precision',
      'accuracy',
      'recall_best_constant_classifier',
      'precision_best_constant_classifier',
      'accuracy_best_constant_classifier',
      'true_positive_rate',
      'true_negative_rate',
      'false_positive_rate',
      'false_negative_rate',
      'receiver_operating_characteristic_curve',
      'precision_recall_curve',
      'auc',
      'f0_5',
      'f1',
      'f2',
      'f0_5_best_constant_classifier',
      'f1_best_constant_classifier',
      'f2_best_constant_classifier'
    ]);
    expect((metrics.recall as { standard_deviation: number }).standard_deviation).toBeNaN();
  });
});

describe('ROC and PR curves (Spark BinaryClassificationMetrics layout)', () => {
  test('one point per distinct score, framed by (0,0) and (1,1); auc is the trapezoid area', () => {
    const curves = binaryCurves([0.9, 0.8, 0.8, 0.3], [true, false, true, false]);
    expect(curves.falsePositiveRates).toEqual([0, 0, 0.5, 1, 1]);
    expect(curves.truePositiveRates).toEqual([0, 0.5, 1, 1, 1]);
    expect(curves.recalls).toEqual([0, 0.5, 1, 1]);
    expect(curves.precisions).toEqual([1, 1, 2 / 3, 0.5]);
    expect(curves.auc).toBe(0.875);
  });

  test('the AWS example curve (four positives, distinct scores) has area 1', () => {
    const curves = binaryCurves([0.9, 0.8, 0.7, 0.6, 0.1], [true, true, true, true, false]);
    expect(curves.falsePositiveRates).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(curves.auc).toBe(1);
  });
});

describeConformance('binary metrics on validation_with_predictions.csv (201 rows)', () => {
  const file = 'amazon-sagemaker-examples/model_quality_monitoring/validation_with_predictions.csv';
  const attributes = { inference: 'prediction', probability: 'probability', groundTruth: 'label' };

  test('confusion matrix and scalar metrics from hand counts', async () => {
    const pairs = await csvPairs(readConformance(file), attributes);
    const stats = qualityStatistics(pairs, { problemType: 'BinaryClassification' });
    const metrics = stats.binary_classification_metrics as Record<string, unknown>;
    expect(metrics.confusion_matrix).toEqual({
      '0': { '0': 173, '1': 0 },
      '1': { '0': 12, '1': 16 }
    });
    expect(valuesOf(metrics)).toMatchObject({
      recall: 16 / 28,
      precision: 1,
      accuracy: 189 / 201,
      false_positive_rate: 0,
      precision_best_constant_classifier: 28 / 201
    });
    expect(stats.dataset.item_count).toBe(201);
  });

  test('201 rows ≥ 200: deviations are numbers from the seeded resampling, and repeat', async () => {
    const pairs = await csvPairs(readConformance(file), attributes);
    const one = qualityStatistics(pairs, { problemType: 'BinaryClassification', seed: 7 });
    const two = qualityStatistics(pairs, { problemType: 'BinaryClassification', seed: 7 });
    expect(one).toEqual(two);
    const auc = (
      one.binary_classification_metrics as Record<string, { standard_deviation: number }>
    ).auc;
    expect(auc.standard_deviation).toBeGreaterThan(0);
    expect(auc.standard_deviation).toBeLessThan(0.1);
  });

  test('without --inference-attribute the label comes from probability > threshold', async () => {
    const pairs = await csvPairs(readConformance(file), {
      probability: 'probability',
      groundTruth: 'label',
      probabilityThreshold: 0.8
    });
    const given = await csvPairs(readConformance(file), attributes);
    expect(pairs.predicted).toEqual(given.predicted);
  });
});
