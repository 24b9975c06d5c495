/** Every real SageMaker JSON file re-serialises to its own bytes (FORMATS.md §6, §9). */
import { formatDocument } from '../../../src/engine/format/documents';
import { describeConformance, readConformance } from '../../helpers/conformance';

const BYTE_EXACT = [
  'sagemaker-python-sdk/quality_check_step/data_quality/statistics.json',
  'sagemaker-python-sdk/quality_check_step/data_quality/constraints.json',
  'sagemaker-python-sdk/quality_check_step/model_quality/statistics.json',
  'sagemaker-python-sdk/quality_check_step/model_quality/constraints.json',
  'sagemaker-python-sdk/model_card/model_monitor_model_quality_regression.json'
];

describeConformance('formatDocument on real SageMaker files', () => {
  test.each(BYTE_EXACT)('%s re-serialises byte-identical', file => {
    const text = readConformance(file);
    expect(formatDocument(text, file)).toBe(text);
  });

  test('2019 constraint_violations.json is byte-identical bar its final newline', () => {
    const file = 'sagemaker-python-sdk/monitor/constraint_violations.json';
    const text = readConformance(file);
    expect(text.endsWith('\n')).toBe(true);
    expect(formatDocument(text, file)).toBe(text.slice(0, -1));
  });

  test('2019 statistics.json (Python spacing) re-serialises to equal parsed JSON', () => {
    const file = 'sagemaker-python-sdk/monitor/statistics.json';
    const text = readConformance(file);
    const out = formatDocument(text, file);
    expect(JSON.parse(out)).toEqual(JSON.parse(text));
    expect(out).toContain('"item_count" : 418');
  });

  test('hand-written 2019 constraints.json (not analyzer output) re-serialises to equal parsed JSON', () => {
    const file = 'sagemaker-python-sdk/monitor/constraints.json';
    const text = readConformance(file);
    expect(JSON.parse(formatDocument(text, file))).toEqual(JSON.parse(text));
  });

  test('BYOC violations file keeps its extra keys and parses equal', () => {
    const file = 'amazon-sagemaker-examples/data_quality_nlp_byoc/constraints_violations.json';
    const text = readConformance(file);
    expect(JSON.parse(formatDocument(text, file))).toEqual(JSON.parse(text));
  });
});
