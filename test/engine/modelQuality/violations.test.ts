/** Model-quality constraints and violations (FORMATS.md §5.4). */
import {
  camelCaseMetric,
  checkQuality,
  operatorFor,
  QualityStatistics,
  suggestQualityConstraints
} from '../../../src/engine/modelQuality';
import { writeQualityViolations } from '../../../src/engine/modelQuality/qualityDocuments';
import { checkedConstraints } from '../../../src/engine/modelQuality/qualityViolations';

function statistics(key: string, values: Record<string, number>, std = NaN): QualityStatistics {
  const metrics = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { value, standard_deviation: std }])
  );
  return { version: 0, dataset: { item_count: 10 }, [key]: metrics };
}

const BINARY = [
  'recall',
  'precision',
  'accuracy',
  'true_positive_rate',
  'true_negative_rate',
  'false_positive_rate',
  'false_negative_rate',
  'auc',
  'f0_5',
  'f1',
  'f2'
];

describe('constraints', () => {
  test('error metrics use GreaterThanThreshold, all others LessThanThreshold', () => {
    expect(
      ['mae', 'mse', 'rmse', 'false_positive_rate', 'false_negative_rate'].map(operatorFor)
    ).toEqual(Array(5).fill('GreaterThanThreshold'));
    expect(['r2', 'auc', 'accuracy', 'true_negative_rate', 'weighted_f1'].map(operatorFor)).toEqual(
      Array(5).fill('LessThanThreshold')
    );
  });

  test('binary constraints cover the scalar metrics, not curves or best-constant ones', () => {
    const stats = statistics(
      'binary_classification_metrics',
      Object.fromEntries([...BINARY, 'f1_best_constant_classifier'].map(m => [m, 0.5]))
    );
    const constraints = suggestQualityConstraints(stats, 'BinaryClassification');
    expect(Object.keys(constraints.binary_classification_constraints as object)).toEqual(BINARY);
  });
});

describe('violations at their boundaries', () => {
  const constraints = {
    regression_constraints: {
      mae: { threshold: 0.5, comparison_operator: 'GreaterThanThreshold' },
      r2: { threshold: 0.25, comparison_operator: 'LessThanThreshold' }
    }
  };

  test('equal to the threshold is no violation', () => {
    const stats = statistics('regression_metrics', { mae: 0.5, r2: 0.25 });
    expect(checkQuality(stats, constraints, 'Regression')).toEqual([]);
  });

  test('one ulp beyond is a violation, with SageMaker text and camelCase name', () => {
    const stats = statistics('regression_metrics', {
      mae: 0.5000000000000001,
      r2: 0.24999999999999997
    });
    expect(checkQuality(stats, constraints, 'Regression')).toEqual([
      {
        constraint_check_type: 'GreaterThanThreshold',
        description: "Metric mae with 0.5000000000000001 +/- NaN was GreaterThanThreshold '0.5'",
        metric_name: 'mae'
      },
      {
        constraint_check_type: 'LessThanThreshold',
        description: "Metric r2 with 0.24999999999999997 +/- NaN was LessThanThreshold '0.25'",
        metric_name: 'r2'
      }
    ]);
  });

  test('binary violations come in the real runs’ order and never for f0_5', () => {
    const limits = Object.fromEntries(
      BINARY.map(m => [m, { threshold: 0.5, comparison_operator: operatorFor(m) }])
    );
    const worse = Object.fromEntries(
      BINARY.map(m => [m, operatorFor(m) === 'GreaterThanThreshold' ? 0.9 : 0.1])
    );
    const found = checkQuality(
      statistics('binary_classification_metrics', worse, 0.015),
      { binary_classification_constraints: limits },
      'BinaryClassification'
    );
    expect(found.map(v => v.metric_name)).toEqual([
      'auc',
      'precision',
      'truePositiveRate',
      'f1',
      'accuracy',
      'falsePositiveRate',
      'trueNegativeRate',
      'falseNegativeRate',
      'recall',
      'f2'
    ]);
    expect(found[0].description).toBe("Metric auc with 0.1 +/- 0.015 was LessThanThreshold '0.5'");
  });

  test('names and the written file', () => {
    expect(camelCaseMetric('weighted_f0_5')).toBe('weightedF0_5');
    expect(writeQualityViolations([])).toBe('{\n  "violations" : [ ]\n}');
  });
});

describe('the thresholds a run checked', () => {
  const limits = {
    auc: { threshold: 0.7, comparison_operator: 'LessThanThreshold' },
    f0_5: { threshold: 0.6, comparison_operator: 'LessThanThreshold' },
    false_positive_rate: { threshold: 0.25, comparison_operator: 'GreaterThanThreshold' }
  } as const;

  test('are the constraints checked, in the check order (binary runs skip f0_5)', () => {
    const checked = checkedConstraints(
      { binary_classification_constraints: limits },
      'BinaryClassification'
    );
    expect(Object.keys(checked)).toEqual(['auc', 'false_positive_rate']);
    expect(checked.auc).toEqual(limits.auc);
  });

  test('go after the violations under the extension key, Jackson style', () => {
    const text = writeQualityViolations([], { auc: limits.auc });
    expect(text).toBe(
      [
        '{',
        '  "violations" : [ ],',
        '  "x-jupyterlab-model-monitor" : {',
        '    "version" : 1,',
        '    "checked_constraints" : {',
        '      "auc" : {',
        '        "threshold" : 0.7,',
        '        "comparison_operator" : "LessThanThreshold"',
        '      }',
        '    }',
        '  }',
        '}'
      ].join('\n')
    );
  });
});
