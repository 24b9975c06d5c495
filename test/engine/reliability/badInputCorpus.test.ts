/**
 * The bad-input corpus (test/badinput/): each file runs through the built CLI and must produce
 * exactly the diagnostics, record counts and exit code its manifest entry names. Entries with a
 * `bug` are open engine bugs: test.failing until fixed (then drop the `bug` key).
 * Needs `npm run build:cli` (dist/model-monitor.cjs).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/model-monitor.cjs');
const CORPUS = join(ROOT, 'test/badinput');
/** A small file must finish well within this; past it the CLI is killed (SIGKILL) as hung. */
const RUN_MS = 8000;

interface ExpectedDiagnostic {
  kind: string;
  line: number;
  field?: string;
}
interface CorpusCase {
  file: string;
  args: string[];
  exitCode: number;
  records: number;
  rejected: number;
  rows: number;
  diagnostics: ExpectedDiagnostic[];
  stderr?: string;
  bug?: string;
}

const manifest: { cases: CorpusCase[] } = JSON.parse(
  readFileSync(join(CORPUS, 'manifest.json'), 'utf8')
);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'badinput-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the CLI is built and every corpus file has a manifest entry', () => {
  expect(existsSync(CLI)).toBe(true);
  const listed = new Set(manifest.cases.map(c => c.file));
  const onDisk = require('fs')
    .readdirSync(CORPUS)
    .filter((name: string) => name !== 'manifest.json');
  expect([...onDisk].sort()).toEqual([...listed].sort());
});

manifest.cases.forEach((entry, index) => {
  const name = `${entry.file} ${entry.args.join(' ')} → exit ${entry.exitCode}, ${entry.diagnostics.length} diagnostic(s)`;
  const body = () => {
    const output = join(work, `out-${index}`);
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'baseline',
        '--dataset',
        entry.file,
        '--output',
        output,
        '--progress',
        'none',
        ...entry.args
      ],
      { cwd: CORPUS, encoding: 'utf8', timeout: RUN_MS, killSignal: 'SIGKILL' }
    );
    expect(run.signal).toBeNull(); // not killed as hung
    expect({ exit: run.status, stderr: run.stderr.slice(0, 400) }).toEqual({
      exit: entry.exitCode,
      stderr: expect.stringContaining(entry.stderr ?? '')
    });
    // No stack traces: an exit other than 4 never prints one.
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const diagnostics = JSON.parse(readFileSync(join(output, 'diagnostics.json'), 'utf8'));
    expect({
      records: diagnostics.records,
      rejected: diagnostics.rejected,
      rows: diagnostics.rows
    }).toEqual({ records: entry.records, rejected: entry.rejected, rows: entry.rows });
    expect(
      diagnostics.examples.map((d: ExpectedDiagnostic & { file: string }) => ({
        kind: d.kind,
        file: d.file,
        line: d.line,
        ...(d.field === undefined ? {} : { field: d.field })
      }))
    ).toEqual(entry.diagnostics.map(d => ({ ...d, file: entry.file })));
    const counted = Object.values(diagnostics.counts as Record<string, number>).reduce(
      (a, b) => a + b,
      0
    );
    expect(counted).toBe(entry.diagnostics.length);
  };
  if (entry.bug) {
    test.failing(`BUG: ${name} (${entry.bug.slice(0, 60)}…)`, body, RUN_MS + 5000);
  } else {
    test(name, body, RUN_MS + 5000);
  }
});
