import {
  DocumentError,
  readConstraints,
  readDocument,
  readStatistics,
  readViolations,
  validateDocument
} from '../../../src/engine/documents/read';
import { writeStatistics } from '../../../src/engine/format/documents';
import { describeConformance, readConformance } from '../../helpers/conformance';

const STATS = `{"version": 0, "dataset": {"item_count": 3}, "features": [
  {"name": "a", "inferred_type": "fractional", "numerical_statistics": {
    "common": {"num_present": 3, "num_missing": 0}, "mean": NaN, "sum": "NaN", "std_dev": 0,
    "min": 1, "max": 2, "extra_key": 1}}]}
`;

describe('lenient reading (FORMATS.md §6.4)', () => {
  test('bare NaN, "NaN", 0 for 0.0, lower-case type, unknown keys, final newline', () => {
    const stats = readStatistics(STATS, 'statistics.json');
    const numeric = stats.features[0].numerical_statistics!;
    expect(stats.features[0].inferred_type).toBe('Fractional');
    expect(numeric.mean).toBeNaN();
    expect(numeric.sum).toBeNaN();
    expect(writeStatistics(stats)).toContain('"mean" : "NaN"');
  });

  test('spelling variants and missing monitoring_config keys take defaults', () => {
    const constraints = readConstraints(
      `{"features": [], "monitoring_config": {"evaluate_constraints": "enabled",
        "distribution_constraints": {"comparison_method": "linf_simple", "categorical_drift_method": "chisquared"}}}`,
      'constraints.json'
    );
    expect(constraints.monitoring_config).toEqual({
      evaluate_constraints: 'Enabled',
      emit_metrics: 'Enabled',
      datatype_check_threshold: 1,
      domain_content_threshold: 1,
      distribution_constraints: {
        perform_comparison: 'Enabled',
        comparison_threshold: 0.1,
        comparison_method: 'Simple',
        categorical_drift_method: 'ChiSquared'
      }
    });
  });

  test('an empty violations file reads as no violations', () => {
    expect(readViolations('', 'constraint_violations.json')).toEqual({ violations: [] });
  });

  test('validate names the file and the JSON path of each bad field', () => {
    const text = `{"version": 0.0, "dataset": {"item_count": -1}, "features": [
      {"name": "a", "inferred_type": "Decimal"},
      {"name": 3, "inferred_type": "String", "string_statistics": {"common": {"num_present": 1}}}]}`;
    const issues = validateDocument(text, 'statistics.json');
    expect(issues.map(i => i.path)).toEqual([
      'dataset.item_count',
      'features[0].inferred_type',
      'features[1].name',
      'features[1].string_statistics.common.num_missing',
      'features[1].string_statistics.distinct_count'
    ]);
    expect(() => readStatistics(text, 'statistics.json')).toThrow(
      /statistics\.json: features\[0\]\.inferred_type: expected Integral, Fractional, String or Unknown, found "Decimal"/
    );
  });

  test('a sketch item that is not a number is named by its path; "NaN" reads as NaN', () => {
    const kll = `"kll": {"buckets": [], "sketch": {"parameters": {"c": 0.64, "k": 2048},
      "data": [[1.5, "NaN", 2], [3, "x"]]}}`;
    const text = `{"version": 0, "dataset": {"item_count": 4}, "features": [
      {"name": "a", "inferred_type": "Fractional", "numerical_statistics": {
        "common": {"num_present": 4, "num_missing": 0}, "mean": 2, "sum": 8, "std_dev": 1,
        "min": 1.5, "max": 3, "distribution": {${kll}}}}]}`;
    expect(validateDocument(text, 'statistics.json').map(i => i.path)).toEqual([
      'features[0].numerical_statistics.distribution.kll.sketch.data[1][1]'
    ]);
    const fixed = readStatistics(text.replace('"x"', '4'), 'statistics.json');
    const data = fixed.features[0].numerical_statistics!.distribution!.kll!.sketch.data;
    expect(data).toEqual([
      [1.5, NaN, 2],
      [3, 4]
    ]);
  });

  test('syntax errors report line and column', () => {
    const issues = validateDocument('{\n  "violations" : [ x ]\n}', 'v.json');
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('$');
    expect(issues[0].message).toMatch(/line 2, column 20/);
    expect(() => readDocument('[]', 'other.json')).toThrow(DocumentError);
  });
});

describeConformance('reading the real files', () => {
  test.each([
    'sagemaker-python-sdk/quality_check_step/data_quality/statistics.json',
    'sagemaker-python-sdk/quality_check_step/data_quality/constraints.json',
    'sagemaker-python-sdk/quality_check_step/model_quality/statistics.json',
    'sagemaker-python-sdk/quality_check_step/model_quality/constraints.json',
    'sagemaker-python-sdk/model_card/model_monitor_model_quality_regression.json',
    'sagemaker-python-sdk/monitor/statistics.json',
    'sagemaker-python-sdk/monitor/constraints.json',
    'sagemaker-python-sdk/monitor/constraint_violations.json',
    'amazon-sagemaker-examples/data_quality_nlp_byoc/constraints_violations.json'
  ])('%s validates cleanly', file => {
    expect(validateDocument(readConformance(file), file)).toEqual([]);
  });

  test('the hand-written 2019 constraints map pre-launch keys', () => {
    const file = 'sagemaker-python-sdk/monitor/constraints.json';
    const constraints = readConstraints(readConformance(file), file);
    expect(constraints.features[0].string_constraints).toEqual({
      domains: ['preproc-not-YET-supported-for-csv-json']
    });
    expect(constraints.monitoring_config.distribution_constraints.comparison_threshold).toBe(1);
  });
});
