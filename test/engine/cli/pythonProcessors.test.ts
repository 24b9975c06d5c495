/**
 * SageMaker's Python record_preprocessor_script and post_analytics_processor_script, written as
 * SageMaker's documentation and examples write them, run unchanged by the CLI (a real Python).
 */
import * as fs from 'fs';
import * as path from 'path';
import { tempDir, writeCaptures } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

/**
 * As the AWS sample writes it: output then input, keys zero-padded so they sort in order. An empty
 * CSV field is missing, but "" in a returned dict is a present empty string (it is JSON to
 * SageMaker): the default row has None there.
 */
const DOCS_PREPROCESSOR = `
def preprocess_handler(inference_record):
    input_data = inference_record.endpoint_input.data.rstrip("\\n")
    output_data = inference_record.endpoint_output.data.rstrip("\\n")
    outputs = output_data + "," + input_data
    return {str(i).zfill(20): d or None for i, d in enumerate(outputs.split(","))}
`;

/** The logger form, sampling and errors: every convention of the contract in one script. */
const CONVENTIONS_PREPROCESSOR = `
import json

def preprocess_handler(inference_record, logger):
    event_id = inference_record.event_metadata.event_id
    x, c = inference_record.endpoint_input.data.split(",")
    if c == "b":
        return []                      # sampled out
    if x == "12":
        return None                    # dropped too
    if x == "8":
        raise ValueError("x is eight") # reported at its line
    if x == "22":
        return "not a dict"
    logger.info("record %s", event_id)
    row = {"a_x": float(x) if x else None, "b_c": c, "c_event": event_id}
    return [row, {"a_x": 1.0, "b_c": "copy", "c_event": json.dumps({"of": event_id})}] if x == "4" else row
`;

function rows(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i % 10 === 0 ? '' : i},${['a', 'b'][i % 2]}`);
}

describe('a Python record preprocessor', () => {
  const dir = tempDir();
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

  beforeAll(() => {
    writeCaptures(path.join(dir, 'captures'), rows(240), '2026/11/01/12', 100);
    write('docs_preprocessor.py', DOCS_PREPROCESSOR);
    write('conventions.py', CONVENTIONS_PREPROCESSOR);
  });

  it('from the documentation, rebuilding the default row, gives the same statistics bytes', () => {
    expect(runCli(['baseline', '--dataset', 'captures', '--output', 'plain'], dir).code).toBe(0);
    const result = runCli(
      [
        'baseline',
        '--dataset',
        'captures',
        '--preprocessor',
        'docs_preprocessor.py',
        '--output',
        'python'
      ],
      dir
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('python/statistics.json')).toBe(read('plain/statistics.json'));
    expect(read('python/constraints.json')).toBe(read('plain/constraints.json'));
  });

  it('follows the contract: logger, [] and None drop, lists give rows, errors name the line', () => {
    const result = runCli(
      ['baseline', '--dataset', 'captures', '--preprocessor', 'conventions.py', '--output', 'run'],
      dir
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    // 240 records: the 120 with c = b sampled out, x = 12 dropped, 8 and 22 rejected, 4 two rows.
    expect(summary.records).toEqual({ records: 240, rejected: 2, rows: 120 - 1 - 2 + 1 });
    const raiseLine = CONVENTIONS_PREPROCESSOR.split('\n').findIndex(l => l.includes('raise')) + 1;
    const problems = summary.diagnostics.examples.map((e: any) => [
      path.basename(e.file),
      e.line,
      e.message
    ]);
    expect(problems).toEqual([
      ['000000.jsonl', 9, `conventions.py line ${raiseLine}: ValueError: x is eight`],
      [
        '000000.jsonl',
        23,
        'TypeError: preprocess_handler must return a dict, a list of dicts, [] or None, not str'
      ]
    ]);
    expect(result.stderr).toContain('INFO record e2');
    const statistics = JSON.parse(read('run/statistics.json'));
    const byName = Object.fromEntries(statistics.features.map((f: any) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(['_c0', '_c1', '_c2']);
    // Python's float text: 1.0 stays Fractional; None cells are missing (every 10th x).
    expect(byName._c0.inferred_type).toBe('Fractional');
    expect(byName._c0.numerical_statistics.common.num_missing).toBe(24);
    expect(byName._c1.string_statistics.distribution.categorical.buckets).toEqual(
      expect.arrayContaining([{ value: 'copy', count: 1 }])
    );
  });

  it('runs in every worker thread, giving the same rows', () => {
    const one = runCli(
      ['baseline', '--dataset', 'captures', '--preprocessor', 'conventions.py', '--output', 'w1'],
      dir
    );
    const two = runCli(
      [
        'baseline',
        '--dataset',
        'captures',
        '--preprocessor',
        'conventions.py',
        '--output',
        'w2',
        '--workers',
        '2'
      ],
      dir
    );
    expect(JSON.parse(two.stdout).records).toEqual(JSON.parse(one.stdout).records);
    expect(JSON.parse(two.stdout).workers).toBe(2);
  });

  it('that cannot be used stops the run with its reason (exit 1)', () => {
    write('no_handler.py', 'def handler(record):\n    return {}\n');
    write('broken.py', 'def preprocess_handler(record)\n    return {}\n');
    for (const [script, reason] of [
      ['no_handler.py', 'no_handler.py defines no preprocess_handler function'],
      ['broken.py', 'SyntaxError']
    ]) {
      const result = runCli(
        ['baseline', '--dataset', 'captures', '--preprocessor', script, '--output', 'x'],
        dir
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`preprocessor ${script}`);
      expect(result.stderr).toContain(reason);
    }
    expect(fs.existsSync(path.join(dir, 'x', 'statistics.json'))).toBe(false);
  });
});

describe('a Python post-analytics processor', () => {
  const dir = tempDir();
  const POSTPROCESSOR = `
import json
import os

def postprocess_handler():
    print("Hello from post-proc script!")
    with open(os.path.join(os.environ["output_path"], "constraint_violations.json")) as f:
        violations = json.load(f)["violations"]
    names = ["output_path", "dataset_source", "dataset_format", "start_time", "end_time",
             "baseline_statistics", "baseline_constraints", "sagemaker_endpoint_name",
             "sagemaker_monitoring_schedule_name", "publish_cloudwatch_metrics"]
    with open(os.path.join(os.environ["output_path"], "post.json"), "w") as f:
        json.dump({"violations": len(violations), **{n: os.environ.get(n) for n in names}}, f)
`;

  beforeAll(() => {
    writeCaptures(path.join(dir, 'train'), rows(200), '2026/11/01/12', 100);
    writeCaptures(
      path.join(dir, 'captures'),
      rows(50).map(r => `x${r}`),
      '2026/11/01/13',
      100
    );
    fs.writeFileSync(path.join(dir, 'post.py'), POSTPROCESSOR);
    fs.writeFileSync(
      path.join(dir, 'failing.py'),
      'def postprocess_handler():\n    raise SystemExit(5)\n'
    );
    expect(runCli(['baseline', '--dataset', 'train', '--output', 'baseline'], dir).code).toBe(0);
  });

  const monitor = (script: string, output: string) =>
    runCli(
      [
        'monitor',
        '--dataset',
        'captures',
        '--start',
        '2026-11-01T13:00:00Z',
        '--end',
        '2026-11-01T14:00:00Z',
        '--baseline-statistics',
        'baseline/statistics.json',
        '--baseline-constraints',
        'baseline/constraints.json',
        '--endpoint-name',
        'churn',
        '--schedule-name',
        'hourly',
        '--postprocessor',
        script,
        '--output',
        output
      ],
      dir
    );

  it('runs after the outputs are written, with SageMaker’s container environment', () => {
    const result = monitor('post.py', 'run');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Hello');
    expect(result.stderr).toContain('Hello from post-proc script!');
    const seen = JSON.parse(fs.readFileSync(path.join(dir, 'run', 'post.json'), 'utf8'));
    expect(seen.violations).toBeGreaterThan(0);
    expect(seen).toMatchObject({
      output_path: 'run',
      dataset_source: 'captures',
      dataset_format: JSON.stringify({
        sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] }
      }),
      start_time: '2026-11-01T13:00:00Z',
      end_time: '2026-11-01T14:00:00Z',
      baseline_statistics: 'baseline/statistics.json',
      baseline_constraints: 'baseline/constraints.json',
      sagemaker_endpoint_name: 'churn',
      sagemaker_monitoring_schedule_name: 'hourly',
      publish_cloudwatch_metrics: 'Disabled'
    });
  });

  it('that fails is reported (exit 1), and the run’s outputs stay', () => {
    const result = monitor('failing.py', 'failed');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "post-analytics processor failing.py exited with code 5; the run's outputs are written"
    );
    expect(fs.existsSync(path.join(dir, 'failed', 'constraint_violations.json'))).toBe(true);
  });
});
