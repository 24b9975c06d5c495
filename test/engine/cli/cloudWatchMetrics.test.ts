import * as fs from 'fs';
import * as path from 'path';
import { tempDir, writeCaptures } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

/** Rows of x (numeric, every 10th missing) and c (a category), drifted when `shift`. */
function rows(count: number, shift: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const x = i % 10 === 0 ? '' : String((i % 50) + shift);
    return `${x},${shift && i % 3 === 0 ? 'new' : ['a', 'b'][i % 2]}`;
  });
}

describe('CloudWatch-format metrics of a monitoring run', () => {
  const dir = tempDir();
  const monitor = (extra: string[], constraints = 'baseline/constraints.json') =>
    runCli(
      [
        'monitor',
        '--dataset',
        'captures',
        '--baseline-statistics',
        'baseline/statistics.json',
        '--baseline-constraints',
        constraints,
        '--start',
        '2026-11-01T13:00:00Z',
        '--end',
        '2026-11-01T14:00:00Z',
        ...extra
      ],
      dir
    );

  beforeAll(() => {
    writeCaptures(path.join(dir, 'train'), rows(400, 0), '2026/11/01/12', 100);
    writeCaptures(path.join(dir, 'captures'), rows(300, 40), '2026/11/01/13', 100);
    expect(runCli(['baseline', '--dataset', 'train', '--output', 'baseline'], dir).code).toBe(0);
  });

  it('writes SageMaker metric names, the run’s numbers and the dimensions, one datum a line', () => {
    const result = monitor([
      '--output',
      'run',
      '--metrics-dir',
      'run/metrics/cloudwatch',
      '--endpoint-name',
      'churn',
      '--schedule-name',
      'hourly'
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).outputs).toContain(
      'run/metrics/cloudwatch/cloudwatch_metrics.jsonl'
    );
    const lines = fs
      .readFileSync(path.join(dir, 'run/metrics/cloudwatch/cloudwatch_metrics.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map(line => JSON.parse(line));
    const byName = new Map(lines.map(metric => [metric.MetricName, metric]));
    const statistics = JSON.parse(fs.readFileSync(path.join(dir, 'run/statistics.json'), 'utf8'));
    const x = statistics.features.find((f: { name: string }) => f.name === '_c1');
    expect(byName.get('feature_data__c1')).toEqual({
      MetricName: 'feature_data__c1',
      Timestamp: '2026-11-01T13:00:00Z',
      Dimensions: [
        { Name: 'Endpoint', Value: 'churn' },
        { Name: 'MonitoringSchedule', Value: 'hourly' }
      ],
      StatisticValues: {
        SampleCount: x.numerical_statistics.common.num_present,
        Sum: x.numerical_statistics.sum,
        Minimum: x.numerical_statistics.min,
        Maximum: x.numerical_statistics.max
      }
    });
    expect(byName.get('feature_non_null__c1').Value).toBeCloseTo(0.9, 10);
    // The drift metric is the distance the check compared: equal to the violation's text.
    const violations = JSON.parse(
      fs.readFileSync(path.join(dir, 'run/constraint_violations.json'), 'utf8')
    ).violations;
    const drift = violations.find(
      (v: { feature_name: string; constraint_check_type: string }) =>
        v.feature_name === '_c1' && v.constraint_check_type === 'baseline_drift_check'
    );
    const distance = Number(/distance: (\S+) exceeds/.exec(drift.description)![1]);
    expect(byName.get('feature_baseline_drift__c1').Value).toBe(distance);
    // A String feature has no data metric, but its completeness and drift.
    expect(byName.has('feature_data__c2')).toBe(false);
    expect(byName.has('feature_baseline_drift__c2')).toBe(true);
    expect(
      lines.every(metric => (metric.Value === undefined) !== (metric.StatisticValues === undefined))
    ).toBe(true);
  });

  it('writes none when the baseline’s emit_metrics is Disabled, or without --metrics-dir', () => {
    const constraints = JSON.parse(
      fs.readFileSync(path.join(dir, 'baseline/constraints.json'), 'utf8')
    );
    constraints.monitoring_config.emit_metrics = 'Disabled';
    fs.writeFileSync(path.join(dir, 'disabled.json'), JSON.stringify(constraints));
    expect(monitor(['--output', 'off', '--metrics-dir', 'off/metrics'], 'disabled.json').code).toBe(
      0
    );
    expect(fs.existsSync(path.join(dir, 'off/metrics'))).toBe(false);
    expect(monitor(['--output', 'plain']).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'plain')).sort()).toEqual([
      'constraint_violations.json',
      'diagnostics.json',
      'statistics.json'
    ]);
  });
});
