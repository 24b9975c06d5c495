import { describeConformance, readConformance } from '../../helpers/conformance';
import { ConstraintsDocument } from '../../../src/engine/documents/constraints';
import { StatisticsDocument } from '../../../src/engine/documents/statistics';
import { EXTENSION_KEY, ViolationsDocument } from '../../../src/engine/documents/violations';
import { checkConstraints } from '../../../src/engine/monitor/checkConstraints';
import { requirementNotMetText } from '../../../src/engine/monitor/checks/requirementText';
import { STRICT_DRIFT_TESTS } from '../../../src/engine/monitor/driftTests/driftTestOptions';
import { resolveMonitoringSettings } from '../../../src/engine/monitor/monitoringSettings';
import { typeCountsOf } from './documentBuilders';

const DATA_QUALITY = 'sagemaker-python-sdk/quality_check_step/data_quality';
const read = <T>(relative: string): T => JSON.parse(readConformance(relative)) as T;

describeConformance('real 2021 data-quality baseline', () => {
  const stats = () => read<StatisticsDocument>(`${DATA_QUALITY}/statistics.json`);
  const suggested = () => read<ConstraintsDocument>(`${DATA_QUALITY}/constraints.json`);

  it('finds no violation when its own statistics are checked against its constraints', () => {
    const current = stats();
    const result = checkConstraints({
      baselineStatistics: stats(),
      constraints: suggested(),
      currentStatistics: current,
      currentTypeCounts: typeCountsOf(current),
      driftTests: STRICT_DRIFT_TESTS
    });
    expect(result).toEqual({ violations: [] });
  });

  it('finds no drift in any extension test either', () => {
    const current = stats();
    const block = checkConstraints({
      baselineStatistics: stats(),
      constraints: suggested(),
      currentStatistics: current,
      currentTypeCounts: typeCountsOf(current)
    })[EXTENSION_KEY]!;
    expect(block.drift_tests).toHaveLength(6 * 5);
    expect(block.drift_tests.filter(t => t.drift !== false)).toEqual([]);
  });

  it('reports drift once a column is moved, and missing columns once one is dropped', () => {
    const current = stats();
    const sketch = current.features[0].numerical_statistics!.distribution!.kll.sketch;
    sketch.data = sketch.data.map(level => level.map(x => x + 1));
    const moved = checkConstraints({
      baselineStatistics: stats(),
      constraints: suggested(),
      currentStatistics: current,
      currentTypeCounts: typeCountsOf(current),
      driftTests: STRICT_DRIFT_TESTS
    });
    expect(moved.violations.map(v => `${v.feature_name}:${v.constraint_check_type}`)).toEqual([
      '_c0:baseline_drift_check'
    ]);

    current.features.pop();
    const missing = checkConstraints({
      baselineStatistics: stats(),
      constraints: suggested(),
      currentStatistics: current,
      currentTypeCounts: typeCountsOf(current)
    });
    expect(missing).toEqual({
      violations: [
        {
          feature_name: 'Missing columns',
          constraint_check_type: 'missing_column_check',
          description:
            'There are missing columns in current dataset. Number of columns in current dataset: 5, ' +
            'Number of columns in baseline constraints: 6'
        }
      ]
    });
  });
});

describeConformance('real 2019 monitoring files', () => {
  it('writes the real "Value: … ! " descriptions from the observed values', () => {
    const real = read<ViolationsDocument>(
      'sagemaker-python-sdk/monitor/constraint_violations.json'
    );
    for (const violation of real.violations) {
      const observed = Number(/^Value: (\S+) /.exec(violation.description)![1]);
      expect(requirementNotMetText(observed)).toBe(violation.description);
    }
  });

  it('reads the hand-written pre-launch constraints (enable_comparisons, no thresholds)', () => {
    const handWritten = read<ConstraintsDocument>('sagemaker-python-sdk/monitor/constraints.json');
    expect(resolveMonitoringSettings(handWritten.monitoring_config)).toMatchObject({
      evaluateConstraints: true,
      datatypeCheckThreshold: 1.0,
      performComparison: true,
      comparisonThreshold: 1.0,
      comparisonMethod: 'Robust'
    });
  });

  it('checks its placeholder statistics: one column of the two constrained is missing', () => {
    const handWritten = read<ConstraintsDocument>('sagemaker-python-sdk/monitor/constraints.json');
    const current = read<StatisticsDocument>('sagemaker-python-sdk/monitor/statistics.json');
    const input = {
      baselineStatistics: current,
      constraints: handWritten,
      currentStatistics: current,
      currentTypeCounts: typeCountsOf(current),
      driftTests: STRICT_DRIFT_TESTS
    };
    expect(checkConstraints(input).violations.map(v => v.description)).toEqual([
      'There are missing columns in current dataset. Number of columns in current dataset: 1, ' +
        'Number of columns in baseline constraints: 2'
    ]);
    handWritten.features = handWritten.features.slice(0, 1);
    expect(checkConstraints(input).violations).toEqual([]);
  });
});
