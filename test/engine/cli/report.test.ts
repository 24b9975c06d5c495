import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, REPO, runCli } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

const FIXTURES = path.join(REPO, 'test/e2e/fixtures/results');
const STATISTICS = path.join(FIXTURES, 'statistics.json');
const VIOLATIONS = path.join(FIXTURES, 'constraint_violations.json');

describe('model-monitor report', () => {
  it('writes one HTML file with SVG charts from its own bundle', () => {
    const output = path.join(tempDir(), 'out', 'report.html');
    const result = runCli([
      'report',
      '--statistics',
      STATISTICS,
      '--baseline-statistics',
      STATISTICS,
      '--violations',
      VIOLATIONS,
      '--title',
      'CI <run>',
      '--output',
      output
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ command: 'report', outputs: [output] });
    const html = fs.readFileSync(output, 'utf8');
    expect(summary.bytes).toBe(html.length);
    expect(html).toContain('<title>CI &lt;run&gt;</title>');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });

  it('says what is missing or unreadable, with the exit codes of the other commands', () => {
    const missing = runCli(['report', '--statistics', STATISTICS, '--output', 'x.html']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('model-monitor: --baseline-statistics is required');
    const broken = path.join(tempDir(), 'broken.json');
    fs.writeFileSync(broken, '{"violations": [');
    const unreadable = runCli([
      'report',
      '--statistics',
      STATISTICS,
      '--baseline-statistics',
      STATISTICS,
      '--violations',
      broken,
      '--output',
      path.join(tempDir(), 'r.html')
    ]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(broken);
    expect(unreadable.stderr).not.toContain('    at ');
  });
});
