/**
 * The capture summary (`model-monitor captures`, which the server's GET /captures/summary runs) and
 * a run over the same files give the same answers: records, rejected records and every problem
 * kind's count. Over the bad-input corpus's captures and generated edge cases in hour folders.
 * Needs `npm run build:cli` (dist/model-monitor.cjs).
 */
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { anyCaptureLine, canonicalLine, captureRecord } from '../io/captureLines';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/model-monitor.cjs');
const CORPUS = join(ROOT, 'test/badinput');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'capture-summary-'));
});
afterAll(() => process.env.KEEP_WORK || rmSync(work, { recursive: true, force: true }));

function cli(args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout };
}

interface Answers {
  records: number;
  rejected: number;
  problems: Record<string, number>;
}

function summaryAnswers(dataset: string): Answers {
  const { status, stdout } = cli(['captures', '--dataset', dataset]);
  expect(status).toBe(0);
  const summary = JSON.parse(stdout);
  return {
    records: summary.records,
    rejected: summary.rejected,
    problems: summary.diagnostics.counts
  };
}

function runAnswers(dataset: string): Answers {
  const output = mkdtempSync(join(work, 'run-'));
  const { stdout } = cli([
    'baseline',
    '--dataset',
    dataset,
    '--dataset-format',
    'sagemaker_capture_json',
    '--max-error-rate',
    '1',
    '--workers',
    '1',
    '--progress',
    'none',
    '--output',
    output
  ]);
  const run = JSON.parse(stdout);
  return {
    records: run.records.records,
    rejected: run.records.rejected,
    problems: run.diagnostics.counts
  };
}

const corpusCaptures = readdirSync(CORPUS).filter(name => name.startsWith('capture-'));

describe('the capture summary agrees with a run', () => {
  test.each(corpusCaptures)('on the bad-input corpus: %s', name => {
    const file = join(CORPUS, name);
    expect(summaryAnswers(file)).toEqual(runAnswers(file));
  });

  test('on generated edge cases, in several files and hours', () => {
    const lines = fc.sample(
      fc.oneof(
        captureRecord.map(canonicalLine),
        anyCaptureLine,
        fc.constantFrom('', '   ', 'not json', '[]', '{"captureData":{}}')
      ),
      { numRuns: 600, seed: 17 }
    );
    const folder = join(work, 'generated');
    for (let file = 0; file < 6; file++) {
      const hour = join(folder, 'ep/AllTraffic/2026/11/01', String(10 + (file % 3)));
      mkdirSync(hour, { recursive: true });
      writeFileSync(
        join(hour, `part-${file}.jsonl`),
        lines.slice(file * 100, file * 100 + 100).join('\n')
      );
    }
    const answers = summaryAnswers(folder);
    expect(answers.records).toBeGreaterThan(500);
    expect(Object.keys(answers.problems).length).toBeGreaterThan(3);
    expect(answers).toEqual(runAnswers(folder));
  });
});
