import * as fs from 'fs';
import * as path from 'path';
import { seededRandom } from '../../../src/engine/modelQuality/random';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

/** A seeded CSV: an Integral label, a Fractional score, a sparse Integral count and a category. */
function writeCsv(file: string, rows: number, seed: number, shift = 0): void {
  const random = seededRandom(seed);
  const lines = ['label,score,count,colour'];
  for (let i = 0; i < rows; i++) {
    const count = i % 40 === 0 ? '' : String(Math.floor(random() * 100));
    const colour = ['red', 'green', 'blue'][Math.floor(random() * 3)];
    lines.push(
      `${Math.floor(random() * 2)},${(random() * 10 + shift).toFixed(3)},${count},${colour}`
    );
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** Re-saves a SageMaker JSON file the way another writer would (compact, Python-style numbers). */
function resave(from: string, to: string): void {
  fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, 'utf8'))));
}

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

describe('suggest and check on statistics computed elsewhere', () => {
  const dir = tempDir();
  const baselineCsv = path.join(dir, 'baseline.csv');
  const currentCsv = path.join(dir, 'current.csv');
  const baseline = path.join(dir, 'baseline');
  const monitored = path.join(dir, 'monitored');

  beforeAll(() => {
    writeCsv(baselineCsv, 3000, 7);
    writeCsv(currentCsv, 500, 8, 4);
    const base = ['--header', '--workers', '1'];
    expect(runCli(['baseline', '--dataset', baselineCsv, ...base, '--output', baseline]).code).toBe(
      0
    );
    const monitor = runCli([
      'monitor',
      '--dataset',
      currentCsv,
      ...base,
      '--baseline-statistics',
      path.join(baseline, 'statistics.json'),
      '--baseline-constraints',
      path.join(baseline, 'constraints.json'),
      '--output',
      monitored
    ]);
    expect(monitor.code).toBe(0);
  });

  it('suggest writes the same bytes as baseline from a re-saved statistics.json', () => {
    const compact = path.join(dir, 'compact-statistics.json');
    resave(path.join(baseline, 'statistics.json'), compact);
    const out = path.join(dir, 'suggested');
    const result = runCli(['suggest', '--statistics', compact, '--output', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      command: 'suggest',
      outputs: ['statistics.json', 'constraints.json']
    });
    expect(read(out, 'statistics.json')).toBe(read(baseline, 'statistics.json'));
    expect(read(out, 'constraints.json')).toBe(read(baseline, 'constraints.json'));
  });

  it('check writes the same violations as monitor on the same current statistics', () => {
    const compact = path.join(dir, 'current-statistics.json');
    resave(path.join(monitored, 'statistics.json'), compact);
    const out = path.join(dir, 'checked');
    const result = runCli([
      'check',
      '--statistics',
      compact,
      '--baseline-statistics',
      path.join(baseline, 'statistics.json'),
      '--baseline-constraints',
      path.join(baseline, 'constraints.json'),
      '--output',
      out
    ]);
    expect(result.code).toBe(0);
    const violations = JSON.parse(read(out, 'constraint_violations.json')).violations;
    expect(violations.map((v: { feature_name: string }) => v.feature_name)).toContain('score');
    expect(JSON.parse(result.stdout).violations).toBe(violations.length);
    expect(read(out, 'constraint_violations.json')).toBe(
      read(monitored, 'constraint_violations.json')
    );
    expect(read(out, 'statistics.json')).toBe(read(monitored, 'statistics.json'));
  });

  it('check takes DataType votes from --type-counts and exits 3 with --fail-on-violations', () => {
    const counts = path.join(dir, 'type_counts.json');
    const votes = { integral: 480, fractional: 0, boolean: 0, string: 20, missing: 0 };
    fs.writeFileSync(counts, JSON.stringify({ label: votes }));
    const out = path.join(dir, 'typed');
    const args = [
      'check',
      '--statistics',
      path.join(monitored, 'statistics.json'),
      '--type-counts',
      counts,
      '--baseline-statistics',
      path.join(baseline, 'statistics.json'),
      '--baseline-constraints',
      path.join(baseline, 'constraints.json'),
      '--output',
      out,
      '--no-drift-tests',
      '--fail-on-violations'
    ];
    expect(runCli(args).code).toBe(3);
    const document = JSON.parse(read(out, 'constraint_violations.json'));
    const typeCheck = document.violations.find(
      (v: { constraint_check_type: string }) => v.constraint_check_type === 'data_type_check'
    );
    expect(typeCheck.feature_name).toBe('label');
    expect(Object.keys(document)).toEqual(['violations']);
  });

  it('rejects bad type counts naming the file, column and field', () => {
    const counts = path.join(dir, 'bad_counts.json');
    fs.writeFileSync(counts, JSON.stringify({ label: { integral: -1 } }));
    const result = runCli([
      'check',
      '--statistics',
      path.join(monitored, 'statistics.json'),
      '--type-counts',
      counts,
      '--baseline-statistics',
      path.join(baseline, 'statistics.json'),
      '--baseline-constraints',
      path.join(baseline, 'constraints.json'),
      '--output',
      path.join(dir, 'never')
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad_counts.json: "label".integral: expected a whole number');
    expect(fs.existsSync(path.join(dir, 'never', 'constraint_violations.json'))).toBe(false);
  });

  it('suggest needs --statistics and reports an unreadable file with exit 2', () => {
    expect(runCli(['suggest', '--output', dir]).code).toBe(1);
    const missing = runCli([
      'suggest',
      '--statistics',
      path.join(dir, 'absent.json'),
      '--output',
      dir
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.json');
  });
});
