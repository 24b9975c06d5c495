/**
 * Batch transform data capture (BatchDataCaptureConfig), with fixtures of our own written from
 * SageMaker's documentation: `input/yyyy/mm/dd/HH/*.json` manifests naming the transform's input
 * objects in S3, read from local copies through --s3-map.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseS3Mapping } from '../../../src/engine/pipeline/batchCapture';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

const dir = tempDir();
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `${from + i},${(from + i) * 0.5},${'abc'[i % 3]}\n`).join(
    ''
  );
const MAP = ['--s3-map', 's3://bucket/transform-input=mirror/transform-input'];

beforeAll(() => {
  write('mirror/transform-input/part-1.csv', rows(0, 40));
  write('mirror/transform-input/part-2.csv', rows(40, 30));
  write('mirror/transform-input/part-3.csv', rows(70, 20));
  const manifest = (...keys: string[]) =>
    JSON.stringify([{ prefix: 's3://bucket/transform-input/' }, ...keys]);
  write('capture/input/2024/05/01/13/4c2b.json', manifest('part-1.csv', 'part-2.csv'));
  write('capture/input/2024/05/01/14/9f0e.json', manifest('part-3.csv', 'part-1.csv'));
  write('capture/output/2024/05/01/13/77aa.json', manifest('part-1.csv.out'));
});

const statistics = (folder: string) =>
  fs.readFileSync(path.join(dir, folder, 'statistics.json'), 'utf8');

describe('a batch transform capture', () => {
  it('is read as the objects its input manifests name, each once, in manifest order', () => {
    const batch = runCli(
      ['baseline', '--batch-capture', ...MAP, '--dataset', 'capture', '--output', 'from-capture'],
      dir
    );
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
    expect(JSON.parse(batch.stdout).itemCount).toBe(90);
    runCli(['baseline', '--dataset', 'mirror/transform-input', '--output', 'from-files'], dir);
    expect(statistics('from-capture')).toBe(statistics('from-files'));
  });

  it('keeps the manifests of the window’s hours', () => {
    const result = runCli(
      [
        'baseline',
        '--batch-capture',
        ...MAP,
        '--dataset',
        'capture',
        '--start',
        '2024-05-01T13:00:00Z',
        '--end',
        '2024-05-01T14:00:00Z',
        '--output',
        'hour-13'
      ],
      dir
    );
    expect(JSON.parse(result.stdout).itemCount).toBe(70);
  });

  it('says which manifest names what it cannot find, or cannot map', () => {
    const unmapped = runCli(
      ['baseline', '--batch-capture', '--dataset', 'capture', '--output', 'x'],
      dir
    );
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('4c2b.json names s3://bucket/transform-input/part-1.csv');
    expect(unmapped.stderr).toContain('--s3-map');
    write('broken/input/2024/05/01/13/a.json', '[{"prefix": "s3://bucket/transform-input/"}, 7]');
    const broken = runCli(
      ['baseline', '--batch-capture', ...MAP, '--dataset', 'broken', '--output', 'x'],
      dir
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('a.json: entry 1 is not a key string');
    write(
      'gone/input/2024/05/01/13/b.json',
      '[{"prefix": "s3://bucket/transform-input/"}, "no.csv"]'
    );
    const gone = runCli(
      ['baseline', '--batch-capture', ...MAP, '--dataset', 'gone', '--output', 'x'],
      dir
    );
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('whose copy mirror/transform-input/no.csv is missing');
    const stray = runCli(['baseline', ...MAP, '--dataset', 'capture', '--output', 'x'], dir);
    expect(stray.stderr).toContain('--s3-map goes with --batch-capture');
  });

  it('is monitored, and the records behind a run are read again from it', () => {
    const monitor = runCli(
      [
        'monitor',
        '--batch-capture',
        ...MAP,
        '--dataset',
        'capture',
        '--baseline-statistics',
        'from-files/statistics.json',
        '--baseline-constraints',
        'from-files/constraints.json',
        '--output',
        'run'
      ],
      dir
    );
    expect(monitor.code).toBe(0);
    expect(JSON.parse(monitor.stdout).itemCount).toBe(90);
    const records = runCli(
      ['records', '--run', 'run', '--feature', '_c2', '--match', 'missing', '--output', 'r.jsonl'],
      dir
    );
    expect(records.code).toBe(0);
    expect(JSON.parse(records.stdout)).toMatchObject({ records: 90 });
  });
});

describe('an --s3-map', () => {
  it('ends its S3 prefix at "/=" when the keys hold "=" themselves', () => {
    expect(parseS3Mapping('s3://b/data/date=2024-05-01/=copy/date=2024-05-01')).toEqual([
      's3://b/data/date=2024-05-01/',
      'copy/date=2024-05-01'
    ]);
    expect(parseS3Mapping('s3://b/in=mirror/in')).toEqual(['s3://b/in', 'mirror/in']);
    expect(() => parseS3Mapping('mirror/in')).toThrow('--s3-map must be');
  });
});
