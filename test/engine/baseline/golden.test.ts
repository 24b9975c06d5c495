/** End to end: real baseline CSVs in, SageMaker's own statistics.json / constraints.json out. */
import { buildBaseline, suggestConstraints } from '../../../src/engine/baseline';
import { writeConstraints, writeStatistics } from '../../../src/engine/format/documents';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { csvToBatch, splitBatch } from './csvBatch';

const DQ = 'sagemaker-python-sdk/quality_check_step/data_quality';

function profileOf(csv: string, header: boolean): DatasetProfile {
  const profile = new DatasetProfile();
  profile.add(csvToBatch(csv, header));
  return profile;
}

describeConformance('baseline of the 2021 quality_check_step data (golden pair)', () => {
  const profile = profileOf(readConformance(`${DQ}/baseline_dataset.csv`, true), false);
  const statistics = profile.toStatistics({ generation: '2021' });

  test('statistics.json is byte-identical', () => {
    expect(writeStatistics(statistics)).toBe(readConformance(`${DQ}/statistics.json`));
  });

  test('constraints.json is byte-identical', () => {
    const constraints = suggestConstraints(statistics, { generation: '2021' });
    expect(writeConstraints(constraints)).toBe(readConformance(`${DQ}/constraints.json`));
  });

  test('buildBaseline gives the same pair', () => {
    const baseline = buildBaseline(profile, { generation: '2021' });
    expect(writeStatistics(baseline.statistics)).toBe(readConformance(`${DQ}/statistics.json`));
    expect(writeConstraints(baseline.constraints)).toBe(readConformance(`${DQ}/constraints.json`));
  });
});

describeConformance('row-split profiles of the golden CSV, merged', () => {
  test('equal the golden statistics except std_dev, which differs only in the last digits', () => {
    const batch = csvToBatch(readConformance(`${DQ}/baseline_dataset.csv`, true), false);
    const [first, ...rest] = splitBatch(batch, [30, 70]).map(part => {
      const profile = new DatasetProfile();
      profile.add(part);
      return profile;
    });
    rest.forEach(part => first.merge(part));
    const merged = first.toStatistics({ generation: '2021' });
    const golden = JSON.parse(readConformance(`${DQ}/statistics.json`));
    merged.features.forEach((feature, i) => {
      const expected = golden.features[i].numerical_statistics;
      const { std_dev, ...others } = feature.numerical_statistics!;
      expect(others).toEqual({ ...expected, std_dev: undefined });
      expect(Math.abs(std_dev - expected.std_dev)).toBeLessThan(1e-14);
    });
  });
});

describeConformance('baseline of monitor/baseline_dataset.csv', () => {
  const profile = profileOf(
    readConformance('sagemaker-python-sdk/monitor/baseline_dataset.csv'),
    false
  );
  const stats = profile.toStatistics();

  test('418 rows, 10 Fractional columns _c0…_c9, one-level sketches in row order', () => {
    expect(stats.dataset.item_count).toBe(418);
    expect(stats.features.map(f => f.name)).toEqual([...Array(10).keys()].map(i => `_c${i}`));
    expect(stats.features.every(f => f.inferred_type === 'Fractional')).toBe(true);
    const data = stats.features[0].numerical_statistics!.distribution!.kll.sketch.data;
    expect(data).toHaveLength(1);
    expect(data[0]).toHaveLength(418);
  });

  test('current generation writes completeness and approximate distinct counts', () => {
    const numeric = stats.features[0].numerical_statistics!;
    expect(numeric.completeness).toBe(1);
    expect(numeric.approximate_num_distinct_values).toBeGreaterThan(0);
    expect(suggestConstraints(stats).monitoring_config.distribution_constraints).toEqual({
      perform_comparison: 'Enabled',
      comparison_threshold: 0.1,
      comparison_method: 'Robust',
      categorical_comparison_threshold: 0.1,
      categorical_drift_method: 'LInfinity'
    });
  });
});

describeConformance('baseline of the intro training-dataset-with-header.csv', () => {
  const csv = readConformance(
    'amazon-sagemaker-examples/model_monitor_introduction/training-dataset-with-header.csv'
  );
  const profile = profileOf(csv, true);
  const stats = profile.toStatistics();
  const rows = csv
    .split('\n')
    .filter(l => l.length > 0)
    .slice(1)
    .map(l => l.split(','));

  test('2333 rows, 70 features, Churn first, 66 Integral and 4 Fractional', () => {
    expect(stats.dataset.item_count).toBe(2333);
    expect(stats.features).toHaveLength(70);
    expect(stats.features[0].name).toBe('Churn');
    const types = stats.features.map(f => f.inferred_type);
    expect(types.filter(t => t === 'Integral')).toHaveLength(66);
    expect(types.filter(t => t === 'Fractional')).toHaveLength(4);
  });

  test('two-level KLL layout: 283 last rows on level 0, every other of the first 2050 sorted on level 1', () => {
    const column = 3; // Day Mins
    const values = rows.map(r => Number(r[column]));
    const data = stats.features[column].numerical_statistics!.distribution!.kll.sketch.data;
    expect(data.map(level => level.length)).toEqual([283, 1025]);
    expect(data[0]).toEqual(values.slice(2050));
    const sorted = values.slice(0, 2050).sort((a, b) => a - b);
    expect(data[1]).toEqual(sorted.filter((_, i) => i % 2 === 0));
  });

  test('Integral sums are exact and the mean is sum / n', () => {
    const numeric = stats.features[1].numerical_statistics!;
    const sum = rows.reduce((s, r) => s + Number(r[1]), 0);
    expect(numeric.sum).toBe(sum);
    expect(numeric.mean).toBe(sum / 2333);
  });
});
