/**
 * `model-monitor custom`: the user's program with SageMaker's container contract (a real Python
 * and a real shell script), and the container command it would run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTAINER_PATHS, containerInvocation } from '../../../src/engine/node/customMonitor';
import { tempDir, writeCaptures } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

/** A custom monitor as SageMaker's BYOC examples write one: read the data, write violations. */
const MONITOR = `
import glob
import json
import os

def main():
    records = 0
    for path in glob.glob(os.path.join(os.environ["dataset_source"], "**", "*.jsonl"), recursive=True):
        with open(path) as f:
            records += sum(1 for line in f if line.strip())
    print(f"counted {records} records")
    violations = [{"feature_name": "records", "constraint_check_type": "baseline_drift_check",
                   "description": f"only {records} records"}] if records < 1000 else []
    with open(os.path.join(os.environ["output_path"], "constraint_violations.json"), "w") as f:
        json.dump({"violations": violations}, f)
    names = ["dataset_source", "output_path", "dataset_format", "start_time", "end_time",
             "baseline_statistics", "baseline_constraints", "sagemaker_endpoint_name",
             "sagemaker_monitoring_schedule_name", "publish_cloudwatch_metrics",
             "CLOUDWATCH_METRICS_DIRECTORY"]
    with open(os.path.join(os.environ["output_path"], "environment.json"), "w") as f:
        json.dump({name: os.environ.get(name) for name in names}, f)

main()
`;

describe('model-monitor custom', () => {
  const dir = tempDir();
  const write = (name: string, text: string, mode = 0o644) =>
    fs.writeFileSync(path.join(dir, name), text, { mode });
  const custom = (extra: string[]) =>
    runCli(['custom', '--dataset', 'captures', '--output', 'run', ...extra], dir);

  beforeAll(() => {
    writeCaptures(path.join(dir, 'captures'), ['1,a', '2,b', '3,c'], '2026/11/01/13', 100);
    write('monitor.py', MONITOR);
    write(
      'bad_output.sh',
      '#!/bin/sh\necho \'{"violations": [{"feature_name": 3}]}\' > "$output_path/constraint_violations.json"\n',
      0o755
    );
    write(
      'fails.sh',
      '#!/bin/sh\necho "no data for $sagemaker_endpoint_name" >&2\nexit 7\n',
      0o755
    );
  });

  it('runs a Python monitor with SageMaker’s environment and counts its violations', () => {
    const result = custom([
      '--start',
      '2026-11-01T13:00:00Z',
      '--end',
      '2026-11-01T14:00:00Z',
      '--baseline-statistics',
      'b/statistics.json',
      '--baseline-constraints',
      'b/constraints.json',
      '--endpoint-name',
      'churn',
      '--schedule-name',
      'hourly',
      '--metrics-dir',
      'run/metrics',
      '--',
      'monitor.py'
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('counted 3 records');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ command: 'custom', violations: 1 });
    expect(summary.outputs).toEqual(['run/constraint_violations.json']);
    const seen = JSON.parse(fs.readFileSync(path.join(dir, 'run', 'environment.json'), 'utf8'));
    expect(seen).toEqual({
      dataset_source: 'captures',
      output_path: 'run',
      dataset_format: JSON.stringify({
        sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] }
      }),
      start_time: '2026-11-01T13:00:00Z',
      end_time: '2026-11-01T14:00:00Z',
      baseline_statistics: 'b/statistics.json',
      baseline_constraints: 'b/constraints.json',
      sagemaker_endpoint_name: 'churn',
      sagemaker_monitoring_schedule_name: 'hourly',
      publish_cloudwatch_metrics: 'Enabled',
      CLOUDWATCH_METRICS_DIRECTORY: 'run/metrics'
    });
    expect(fs.statSync(path.join(dir, 'run', 'metrics')).isDirectory()).toBe(true);
    expect(custom(['--fail-on-violations', '--', 'monitor.py']).code).toBe(3);
  });

  it('fails (exit 2) when the program fails, or writes a file SageMaker could not read', () => {
    const failed = custom(['--endpoint-name', 'churn', '--', './fails.sh']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('no data for churn');
    expect(failed.stderr).toContain('custom monitor ./fails.sh exited with 7');
    const bad = custom(['--', './bad_output.sh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'run/constraint_violations.json: violations[0].feature_name: expected a string'
    );
  });

  it('needs a program or an image', () => {
    const result = custom([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('custom needs a program after -- or --image IMAGE');
  });
});

describe('a custom monitor’s container', () => {
  it('mounts the folders where SageMaker puts them and passes the contract inside', () => {
    const invocation = containerInvocation(
      {
        image: 'registry.example/monitor:1',
        command: ['--threshold', '0.2'],
        dataset: 'captures/churn',
        outputDir: 'run',
        baselineStatistics: 'b/statistics.json',
        metricsDir: 'run/metrics'
      },
      'podman'
    );
    expect(invocation.program).toBe('podman');
    const args = invocation.args;
    expect(args.slice(0, 2)).toEqual(['run', '--rm']);
    expect(args).toContain(`${path.resolve('captures/churn')}:${CONTAINER_PATHS.dataset}:ro`);
    expect(args).toContain(`${path.resolve('run')}:${CONTAINER_PATHS.output}:rw`);
    expect(args).toContain(`${path.resolve('run/metrics')}:${CONTAINER_PATHS.metrics}:rw`);
    expect(args).toContain(`dataset_source=${CONTAINER_PATHS.dataset}`);
    expect(args).toContain(`baseline_statistics=${CONTAINER_PATHS.baselineStatistics}`);
    expect(args.some(arg => arg.startsWith('baseline_constraints='))).toBe(false);
    // The image, then its own arguments: nothing after the image reaches the container engine.
    expect(args.slice(-3)).toEqual(['registry.example/monitor:1', '--threshold', '0.2']);
    expect(args).toContain(invocation.containerName);
  });
});
