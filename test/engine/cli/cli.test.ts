import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { conformancePath, describeConformance } from '../../helpers/conformance';
import { expectSameStatistics, tempDir, writeCaptures } from '../pipeline/pipelineHelpers';
import { buildCli, exitOf, runCli, startCli } from './cliRunner';

jest.setTimeout(120_000);

const DQ = 'sagemaker-python-sdk/quality_check_step/data_quality';
const INTRO = 'amazon-sagemaker-examples/model_monitor_introduction';

beforeAll(() => buildCli());

describe('model-monitor CLI', () => {
  it('runs a small input on one thread by default (the bytes of --workers 1); --workers 2 is kept', () => {
    const dir = tempDir();
    const rows = Array.from(
      { length: 400 },
      (_, i) => `${i % 7},${(i * 0.37).toFixed(3)},c${i % 5}`
    );
    writeCaptures(path.join(dir, 'captures'), rows, '2024/05/01/12', 40);
    const baseline = (out: string, extra: string[] = []) => {
      const output = path.join(dir, out);
      const args = ['baseline', '--dataset', path.join(dir, 'captures'), '--output', output];
      const result = runCli([...args, ...extra]);
      expect(result.code).toBe(0);
      return {
        workers: JSON.parse(result.stdout).workers,
        statistics: fs.readFileSync(path.join(output, 'statistics.json'), 'utf8')
      };
    };
    const auto = baseline('auto');
    const one = baseline('one', ['--workers', '1']);
    expect(auto.workers).toBe(1);
    expect(auto.statistics).toBe(one.statistics);
    expect(baseline('two', ['--workers', '2']).workers).toBe(2);
  });

  it('prints help per command and exits 1 on usage errors', () => {
    expect(runCli(['--help'])).toMatchObject({ code: 0 });
    const help = runCli(['baseline', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--dataset PATH/);
    expect(runCli(['baseline', '--output', 'x']).stderr).toMatch(/--dataset is required/);
    expect(runCli(['baseline', '--dataset', 'x', '--output', 'y', '--bogus']).code).toBe(1);
    expect(runCli(['frobnicate']).code).toBe(1);
    expect(runCli(['baseline', '--dataset', 'x', '--output', 'y', '--workers', '0']).code).toBe(1);
  });

  it('bounds the columns of a run with --max-fields (#22 item 5)', () => {
    const dir = tempDir();
    const data = path.join(dir, 'keys.jsonl');
    // No record is too wide, but their keys add up to 4 columns.
    fs.writeFileSync(data, '{"a":1}\n{"b":1}\n{"c":1}\n{"d":1}\n');
    const run = (limit: string) =>
      runCli([
        'baseline',
        '--dataset',
        data,
        '--output',
        path.join(dir, limit),
        '--max-fields',
        limit
      ]);
    const refused = run('3');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'keys.jsonl: its records add up to 4 columns, more than the limit of 3'
    );
    expect(run('4').code).toBe(0);
    expect(run('0')).toMatchObject({ code: 1, stderr: expect.stringMatching(/--max-fields/) });
  });

  it('keeps its progress lines and summary small whatever the names in the data (#22 item 7)', () => {
    const dir = tempDir();
    const data = path.join(dir, 'long.csv');
    const name = 'n'.repeat(5_000_000);
    // A bad byte in the long-named column: the diagnostic names the field.
    fs.writeFileSync(
      data,
      Buffer.concat([Buffer.from(`${name},b\n1,2\n`), Buffer.from([0xff, 0x2c, 0x33, 0x0a])])
    );
    const output = path.join(dir, 'out');
    const args = [
      'baseline',
      '--dataset',
      data,
      '--header',
      '--output',
      output,
      '--progress',
      'json'
    ];
    const result = runCli([...args, '--max-error-rate', '1']);
    expect(result.code).toBe(0);
    const lines = [...result.stderr.trim().split('\n'), ...result.stdout.split('\n')];
    expect(Math.max(...lines.map(line => line.length))).toBeLessThan(10_000);
    const done = JSON.parse(result.stderr.trim().split('\n').pop()!);
    expect(done.summary.diagnostics.examples[0].field).toMatch(
      /^n{4096}… \(5000000 characters, cut\)$/
    );
    // The file keeps the whole name.
    const diagnostics = JSON.parse(fs.readFileSync(path.join(output, 'diagnostics.json'), 'utf8'));
    expect(diagnostics.examples[0].field).toBe(name);
  });

  it('says a compressed input is compressed, and refuses JSON nested too deeply (#22 item 16)', () => {
    const dir = tempDir();
    const gzipped = path.join(dir, 'data.csv');
    fs.writeFileSync(gzipped, zlib.gzipSync('a,b\n1,2\n'));
    const read = runCli([
      'baseline',
      '--dataset',
      gzipped,
      '--header',
      '--output',
      path.join(dir, 'o')
    ]);
    expect(read.code).toBe(2);
    expect(read.stderr).toContain(
      'data.csv: the file is gzip-compressed; decompress it first (gunzip)'
    );
    const deep = path.join(dir, 'statistics.json');
    fs.writeFileSync(deep, '['.repeat(100_000) + ']'.repeat(100_000));
    const validated = runCli(['validate', deep]);
    expect(validated.code).toBe(2);
    expect(validated.stdout + validated.stderr).toMatch(/Nested deeper than 512 levels/);
  });

  it('exits 2 on unreadable input and past --max-error-rate', () => {
    const dir = tempDir();
    expect(
      runCli(['baseline', '--dataset', path.join(dir, 'absent.csv'), '--output', dir]).code
    ).toBe(2);
    const data = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(data, '{"a":1}\n{oops\n');
    const result = runCli([
      'baseline',
      '--dataset',
      data,
      '--output',
      path.join(dir, 'out'),
      '--max-error-rate',
      '0.1'
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.jsonl:2: .*\[malformed_json\]/);
  });

  it('reports a link to nothing in a dataset folder and reads the rest', () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, 'a.csv'), '1,2\n3,4\n');
    fs.symlinkSync(path.join(dir, 'gone.csv'), path.join(data, 'b.csv'));
    const out = path.join(dir, 'out');
    const result = runCli(['baseline', '--dataset', data, '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/b\.csv: cannot read \(ENOENT\) \[unreadable_file\]/);
    const diagnostics = JSON.parse(fs.readFileSync(path.join(out, 'diagnostics.json'), 'utf8'));
    expect(diagnostics).toMatchObject({ rows: 2, counts: { unreadable_file: 1 } });
  });

  it('exits 2 at once, with no stack trace, when the output folder cannot be made', () => {
    const dir = tempDir();
    const data = path.join(dir, 'a.csv');
    fs.writeFileSync(data, '1,2\n');
    const underFile = runCli(['baseline', '--dataset', data, '--output', path.join(data, 'out')]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toContain('a part of the path is a file, not a folder');
    expect(underFile.stderr).not.toMatch(/\n\s+at /);
    // Node's recursive mkdir loops on this path; the CLI makes one level at a time.
    const proc = runCli(['baseline', '--dataset', data, '--output', '/proc/self/x']);
    expect(proc.code).toBe(process.platform === 'linux' ? 2 : proc.code);
  });

  it('writes progress as JSON lines on stderr and the summary as JSON on stdout', () => {
    const dir = tempDir();
    const data = path.join(dir, 'd.csv');
    fs.writeFileSync(data, '1,a\n2,b\n');
    const result = runCli([
      'baseline',
      '--dataset',
      data,
      '--output',
      path.join(dir, 'out'),
      '--progress',
      'json'
    ]);
    expect(result.code).toBe(0);
    const events = result.stderr
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'start', command: 'baseline', files: 1 });
    expect(events.some(e => e.type === 'progress' && e.bytesRead === e.bytesTotal)).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ type: 'done' });
    expect(JSON.parse(result.stdout)).toMatchObject({ command: 'baseline', itemCount: 2 });
  });

  it('cancels cleanly on SIGINT (exit 130, no output files) and a SIGKILL leaves no partial output', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'big.csv');
    const row = Array.from({ length: 20 }, (_, i) => String(i * 1.5)).join(',') + '\n';
    fs.writeFileSync(data, row.repeat(150_000));
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const out = path.join(dir, `out-${signal}`);
      const child = startCli([
        'baseline',
        '--dataset',
        data,
        '--output',
        out,
        '--workers',
        '1',
        '--progress',
        'json'
      ]);
      await new Promise<void>(resolve => child.stderr!.once('data', () => resolve()));
      child.kill(signal);
      const { code } = await exitOf(child);
      if (signal === 'SIGINT') {
        expect(code).toBe(130);
      }
      const left = fs.existsSync(out) ? fs.readdirSync(out) : [];
      expect(left.filter(name => !name.startsWith('.'))).toEqual([]);
      if (signal === 'SIGINT') {
        expect(left).toEqual([]);
      }
    }
  });

  it('model-quality: progress as JSON lines, and SIGINT cancels with exit 130 and no outputs', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.csv');
    fs.writeFileSync(small, 'p,y\n0.9,1\n0.2,0\n0.7,1\n');
    const args = (data: string, out: string) => [
      'model-quality',
      'baseline',
      '--dataset',
      data,
      '--problem-type',
      'BinaryClassification',
      '--probability-attribute',
      'p',
      '--ground-truth-attribute',
      'y',
      '--output',
      path.join(dir, out),
      '--progress',
      'json'
    ];
    const result = runCli(args(small, 'out'));
    expect(result.code).toBe(0);
    const events = result.stderr
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'start', command: 'model-quality baseline', files: 1 });
    expect(events.some(e => e.type === 'progress' && e.bytesRead === e.bytesTotal)).toBe(true);
    expect(events.filter(e => e.type === 'phase').map(e => e.phase)).toEqual([
      'reading',
      'statistics',
      'writing'
    ]);
    expect(events[events.length - 1]).toMatchObject({ type: 'done', summary: { itemCount: 3 } });

    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, 'p,y\n' + '0.9,1\n0.2,0\n'.repeat(1_000_000));
    const child = startCli(args(big, 'cancelled'));
    await new Promise<void>(resolve => child.stderr!.once('data', () => resolve()));
    child.kill('SIGINT');
    expect((await exitOf(child)).code).toBe(130);
    expect(fs.existsSync(path.join(dir, 'cancelled'))).toBe(false);
  });

  it('profiles files apart and merges the profiles', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.csv'), '1,x\n2,y\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), '3,x\n');
    for (const name of ['a', 'b']) {
      const result = runCli([
        'profile',
        '--dataset',
        path.join(dir, `${name}.csv`),
        '--output',
        path.join(dir, 'p', `${name}.json`)
      ]);
      expect(result.code).toBe(0);
    }
    const merged = runCli([
      'merge',
      '--output',
      path.join(dir, 'p', 'ab.json'),
      path.join(dir, 'p', 'a.json'),
      path.join(dir, 'p', 'b.json')
    ]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ command: 'merge', itemCount: 3 });
    expect(
      runCli(['merge', '--output', path.join(dir, 'x.json'), path.join(dir, 'a.csv')]).code
    ).toBe(2);
  });

  it('format prints the exact re-serialisation; validate reports problems', () => {
    const dir = tempDir();
    const file = path.join(dir, 'statistics.json');
    fs.writeFileSync(file, '{"version": 0, "dataset": {"item_count": 1}, "features": []}\n');
    const formatted = runCli(['format', file]);
    expect(formatted.code).toBe(0);
    expect(formatted.stdout).toBe(
      '{\n  "version" : 0.0,\n  "dataset" : {\n    "item_count" : 1\n  },\n  "features" : [ ]\n}'
    );
    expect(runCli(['format', file, '--in-place']).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(formatted.stdout);
    expect(runCli(['validate', file])).toMatchObject({ code: 0 });
    fs.writeFileSync(file, '{"version": 0, "dataset": {"item_count": "x"}, "features": []}');
    const invalid = runCli(['validate', file]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(/item_count/);
  });
});

describeConformance('model-monitor CLI on SageMaker examples', () => {
  it('baseline of the 2021 data-quality input equals the real statistics.json and constraints.json byte for byte', () => {
    const out = tempDir();
    const result = runCli([
      'baseline',
      '--dataset',
      conformancePath(`${DQ}/baseline_dataset.csv`, true),
      '--workers',
      '1',
      '--generation',
      '2021',
      '--output',
      out
    ]);
    expect(result.code).toBe(0);
    for (const name of ['statistics.json', 'constraints.json']) {
      expect(fs.readFileSync(path.join(out, name), 'utf8')).toBe(
        fs.readFileSync(conformancePath(`${DQ}/${name}`), 'utf8')
      );
    }
  });

  describe('monitoring captured traffic of the introduction example', () => {
    let dir: string;
    let baselineArgs: string[];

    beforeAll(() => {
      dir = tempDir();
      const baseline = path.join(dir, 'baseline');
      const result = runCli([
        'baseline',
        '--dataset',
        conformancePath(`${INTRO}/training-dataset-with-header.csv`),
        '--header',
        '--output',
        baseline
      ]);
      expect(result.code).toBe(0);
      baselineArgs = [
        '--baseline-statistics',
        path.join(baseline, 'statistics.json'),
        '--baseline-constraints',
        path.join(baseline, 'constraints.json')
      ];
      const lines = fs
        .readFileSync(conformancePath(`${INTRO}/test_sample.csv`), 'utf8')
        .trim()
        .split('\n');
      writeCaptures(path.join(dir, 'captures'), lines, '2024/05/01/12', 20);
    });

    function monitor(workers: number, extra: string[] = []) {
      const out = path.join(dir, `monitor-${workers}-${extra.length}`);
      const result = runCli([
        'monitor',
        '--dataset',
        path.join(dir, 'captures'),
        ...baselineArgs,
        '--output',
        out,
        '--workers',
        String(workers),
        ...extra
      ]);
      return { result, out };
    }

    it('finds data_type_check violations on Integral columns, exit 3 with --fail-on-violations', () => {
      const { result, out } = monitor(1, ['--fail-on-violations']);
      expect(result.code).toBe(3);
      const violations = JSON.parse(
        fs.readFileSync(path.join(out, 'constraint_violations.json'), 'utf8')
      ).violations;
      const typeChecks = violations.filter(
        (v: any) => v.constraint_check_type === 'data_type_check'
      );
      expect(typeChecks.length).toBeGreaterThan(0);
      expect(
        typeChecks.every((v: any) => v.description.includes('Expected data type: Integral'))
      ).toBe(true);
      expect(JSON.parse(result.stdout)).toMatchObject({ command: 'monitor', itemCount: 120 });
    });

    it('gives the same counts and sums with two worker threads as with one', () => {
      const one = monitor(1);
      const two = monitor(2);
      expect(one.result.code).toBe(0);
      expect(two.result.code).toBe(0);
      expect(JSON.parse(two.result.stdout).workers).toBe(2);
      expectSameStatistics(
        path.join(two.out, 'statistics.json'),
        path.join(one.out, 'statistics.json')
      );
      expect(fs.readFileSync(path.join(two.out, 'constraint_violations.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(one.out, 'constraint_violations.json'), 'utf8')
      );
    });
  });
});
