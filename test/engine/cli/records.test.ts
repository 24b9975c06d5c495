import * as fs from 'fs';
import * as path from 'path';
import { csvCaptureLine, tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

/** Row i of the test data: x numeric (every 9th missing; drifted, every 13th a word), c a category. */
function rowOf(i: number, drifted: boolean): string {
  const x = i % 9 === 0 ? '' : drifted && i % 13 === 0 ? 'n/a' : String((i * 7) % 50);
  const c = drifted && i % 4 === 0 ? 'new' : ['a', 'b', 'c'][i % 3];
  return `${x},${c}`;
}

interface Line {
  file: string;
  line: number;
  eventId: string;
  cells: string[];
}

/**
 * Writes captures under `dir/yyyy/mm/dd/HH/`: each file with a malformed line, a blank line and a
 * record in another key order (the slow JSON path), so line numbers and event ids are tested
 * beyond the fast path. Returns every readable row with where it is.
 */
function writeCaptures(dir: string, hours: string[], drifted: boolean): Line[] {
  const rows: Line[] = [];
  let i = 0;
  for (const hour of hours) {
    const folder = path.join(dir, ...hour.split('/'));
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'part.jsonl');
    const lines: string[] = [];
    for (let k = 0; k < 60; k++, i++) {
      const row = rowOf(i, drifted);
      const eventId = `${hour}-e${k}`;
      if (k === 7) {
        lines.push('{"captureData": not json');
      } else if (k === 8) {
        lines.push('');
      }
      const line =
        k % 10 === 5
          ? JSON.stringify({
              eventMetadata: { inferenceTime: '2026-11-01T00:00:00Z', eventId },
              captureData: JSON.parse(csvCaptureLine(row, '0.5')).captureData,
              eventVersion: '0'
            })
          : csvCaptureLine(row, '0.5', eventId);
      lines.push(line);
      rows.push({ file, line: lines.length, eventId, cells: ['0.5', ...row.split(',')] });
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
  }
  return rows;
}

function readLines(file: string): Record<string, unknown>[] {
  const text = fs.readFileSync(file, 'utf8');
  return text.length === 0
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map(line => JSON.parse(line));
}

describe('model-monitor records', () => {
  const dir = tempDir();
  const hours = ['2026/11/01/00', '2026/11/01/01', '2026/11/01/02'];
  let current: Line[];

  beforeAll(() => {
    writeCaptures(path.join(dir, 'train'), hours, false);
    current = writeCaptures(path.join(dir, 'captures'), hours, true);
    const names = ['score', 'x', 'c'];
    const csv = ['score,x,c', ...Array.from({ length: 300 }, (_, i) => `0.5,${rowOf(i, false)}`)];
    fs.writeFileSync(path.join(dir, 'train.csv'), csv.join('\n') + '\n');
    const base = runCli(
      ['baseline', '--dataset', 'train.csv', '--header', '--output', 'baseline'],
      dir
    );
    expect(base.code).toBe(0);
    expect(names).toEqual(
      JSON.parse(fs.readFileSync(path.join(dir, 'baseline/statistics.json'), 'utf8')).features.map(
        (f: { name: string }) => f.name
      )
    );
    const run = runCli(
      [
        'monitor',
        '--dataset',
        'captures',
        '--start',
        '2026-11-01T01:00:00Z',
        '--end',
        '2026-11-01T03:00:00Z',
        '--baseline-statistics',
        'baseline/statistics.json',
        '--baseline-constraints',
        'baseline/constraints.json',
        '--max-error-rate',
        '0.5',
        '--output',
        'run'
      ],
      dir
    );
    expect(run.stderr).toContain('2 of 122 records rejected');
    expect(run.code).toBe(0);
  });

  const inWindow = (row: Line): boolean => !row.file.includes('/2026/11/01/00/');

  function records(args: string[], run = 'run'): { summary: any; rows: Record<string, unknown>[] } {
    const output = path.join(dir, 'out', `${run}_${args.join('_')}.jsonl`);
    const result = runCli(['records', '--run', run, ...args, '--output', output], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return { summary: JSON.parse(result.stdout), rows: readLines(output) };
  }

  function expectRows(rows: Record<string, unknown>[], expected: Line[]): void {
    expect(rows.map(r => [r._file, r._line, r._event_id])).toEqual(
      expected.map(e => [path.relative(dir, e.file), e.line, e.eventId])
    );
  }

  it('lists the missing cells of the run window, with file, line and event id', () => {
    const { summary, rows } = records(['--feature', 'x', '--match', 'missing']);
    const expected = current.filter(r => inWindow(r) && r.cells[1] === '');
    expectRows(rows, expected);
    expect(rows[0].x).toBeNull();
    // The run's own counts: same records, same rejections.
    const diagnostics = JSON.parse(fs.readFileSync(path.join(dir, 'run/diagnostics.json'), 'utf8'));
    expect(summary).toMatchObject({
      records: diagnostics.records,
      rejected: diagnostics.rejected,
      matched: expected.length,
      written: expected.length,
      truncated: false
    });
    const statistics = JSON.parse(fs.readFileSync(path.join(dir, 'run/statistics.json'), 'utf8'));
    const x = statistics.features.find((f: { name: string }) => f.name === 'x');
    expect(expected.length).toBe(
      (x.numerical_statistics ?? x.string_statistics).common.num_missing
    );
  });

  it('lists categories the baseline never saw, values of the wrong type and values in a bin', () => {
    const unseen = records(['--feature', 'c', '--match', 'unseen-category']);
    expectRows(
      unseen.rows,
      current.filter(r => inWindow(r) && r.cells[2] === 'new')
    );
    expect(unseen.rows.every(r => r.c === 'new')).toBe(true);

    const wrong = records(['--feature', 'x', '--match', 'wrong-type']);
    expectRows(
      wrong.rows,
      current.filter(r => inWindow(r) && r.cells[1] === 'n/a')
    );

    const bin = records(['--feature', 'x', '--match', 'bin', '--lower', '10', '--upper', '20']);
    const inBin = (text: string) => text !== '' && Number(text) >= 10 && Number(text) < 20;
    expectRows(
      bin.rows,
      current.filter(r => inWindow(r) && inBin(r.cells[1]))
    );
    // Numeric columns of the baseline come as numbers, others as text.
    expect(typeof bin.rows[0].x).toBe('number');
    expect(typeof bin.rows[0].c).toBe('string');
  });

  it('writes at most --max-records rows and counts the rest', () => {
    const { summary, rows } = records([
      '--feature',
      'x',
      '--match',
      'missing',
      '--max-records',
      '3'
    ]);
    expect(rows).toHaveLength(3);
    expect(summary.written).toBe(3);
    expect(summary.matched).toBeGreaterThan(3);
    expect(summary.truncated).toBe(true);
  });

  it('refuses what it cannot answer, naming the field, and leaves no output file', () => {
    const output = path.join(dir, 'out', 'refused.jsonl');
    const refuse = (args: string[], message: string | RegExp) => {
      const result = runCli(['records', ...args, '--output', output], dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(fs.existsSync(output)).toBe(false);
    };
    refuse(['--run', 'run', '--feature', 'c', '--match', 'wrong-type'], /"c" is String/);
    refuse(
      ['--run', 'run', '--feature', 'nope', '--match', 'missing'],
      /"nope" is not in the baseline/
    );
    refuse(['--run', 'run', '--feature', 'x', '--match', 'bin'], /--lower and --upper/);
    refuse(['--run', 'run', '--feature', 'x', '--match', 'near'], /--match must be one of/);
    refuse(['--run', 'baseline', '--feature', 'x', '--match', 'missing'], /diagnostics\.json/);
  });

  it('lists records of CSV (a quoted line break inside) and JSON lines by the line they start on', () => {
    const csv =
      ['score,x,c', '0.5,1,a', '0.5,,"two\nlines"', '0.5,3,b', '0.5,,c'].join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'current.csv'), csv);
    const jsonl = ['{"score":0.5,"x":1,"c":"a"}', '', '{"score":0.5,"c":"b"}'].join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'current.jsonl'), jsonl);
    const baseline = ['--baseline-statistics', 'baseline/statistics.json'];
    baseline.push('--baseline-constraints', 'baseline/constraints.json');
    const listed = (dataset: string[]) => {
      const output = path.join(dir, 'out', `${dataset[0]}.jsonl`);
      const args = ['records', '--dataset', ...dataset, ...baseline, '--feature', 'x'];
      const result = runCli([...args, '--match', 'missing', '--output', output], dir);
      expect(result.stderr).toBe('');
      return readLines(output).map(row => [row._file, row._line, row.c]);
    };
    expect(listed(['current.csv', '--header'])).toEqual([
      ['current.csv', 3, 'two\nlines'],
      ['current.csv', 6, 'c']
    ]);
    expect(listed(['current.jsonl'])).toEqual([['current.jsonl', 3, 'b']]);
  });

  it('reads the rows the run’s preprocessor made', () => {
    // Drops the record with eventId ...-e1 of each hour and blanks x in every other one.
    fs.writeFileSync(
      path.join(dir, 'pre.js'),
      `exports.preprocess_handler = record => {
        if (record.event_metadata.event_id.endsWith('-e1')) return [];
        const [, c] = record.endpoint_input.data.split(',');
        return { score: record.endpoint_output.data, x: '', c };
      };`
    );
    const args = ['monitor', '--dataset', 'captures', '--preprocessor', 'pre.js'];
    args.push('--baseline-statistics', 'baseline/statistics.json');
    args.push('--baseline-constraints', 'baseline/constraints.json', '--output', 'prerun');
    expect(runCli([...args, '--max-error-rate', '0.5'], dir).code).toBe(0);
    const { summary, rows } = records(['--feature', 'x', '--match', 'missing'], 'prerun');
    const statistics = JSON.parse(
      fs.readFileSync(path.join(dir, 'prerun/statistics.json'), 'utf8')
    );
    const x = statistics.features.find((f: { name: string }) => f.name === 'x');
    const missing = (x.numerical_statistics ?? x.string_statistics).common.num_missing;
    expect(summary.matched).toBe(missing);
    expect(rows.some(row => String(row._event_id).endsWith('-e1'))).toBe(false);
  });
});
