/**
 * A profiling run on a small input keeps V8's optimizing compiler (TurboFan) off; a large input,
 * or a user who chose V8's compilers with a flag, gets it. `--trace-opt` shows what V8 compiled
 * with TurboFan; the statistics are the same either way.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OPTIMIZE_FROM_BYTES } from '../../../src/engine/node/optimizationGate';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, CLI } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

const dir = tempDir();

/** A CSV file of about `bytes` bytes: enough rows for the profile's loops to turn hot. */
function csvOf(name: string, bytes: number): string {
  const rows = ['id,amount,ratio,label'];
  let size = rows[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const row = `${i},${(i * 7919) % 100_003},${((i % 977) / 977).toFixed(6)},label_${i % 31}`;
    rows.push(row);
    size += row.length + 1;
  }
  fs.writeFileSync(path.join(dir, name), rows.join('\n') + '\n');
  return name;
}

function baselineWithTrace(dataset: string, output: string, nodeFlags: string[] = []) {
  const result = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      '--trace-opt',
      CLI,
      'baseline',
      '--dataset',
      dataset,
      '--header',
      '--output',
      output,
      '--workers',
      '1',
      '--progress',
      'none'
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // No code cache: a run that writes one sweeps the stale ones at exit, after the gate has
      // opened, and what that sweep's loop gets optimized is not the run's.
      env: { ...process.env, MODEL_MONITOR_CACHE_DIR: '' }
    }
  );
  expect(result.status).toBe(0);
  return {
    turbofanCompiles: result.stdout.match(/\(target TURBOFAN\)/g)?.length ?? 0,
    statistics: fs.readFileSync(path.join(dir, output, 'statistics.json'), 'utf8')
  };
}

describe('the optimizing compiler', () => {
  const small = csvOf('small.csv', OPTIMIZE_FROM_BYTES - 256 * 1024);
  const large = csvOf('large.csv', OPTIMIZE_FROM_BYTES + 256 * 1024);

  it('stays off for a small input, and the statistics are those of an optimized run', () => {
    const held = baselineWithTrace(small, 'held');
    const chosen = baselineWithTrace(small, 'chosen', ['--turbofan']);
    expect(held.turbofanCompiles).toBe(0);
    // The same input would have been optimized: the gate, not the input, kept TurboFan off.
    expect(chosen.turbofanCompiles).toBeGreaterThan(0);
    expect(held.statistics).toBe(chosen.statistics);
  });

  it('is on for an input of OPTIMIZE_FROM_BYTES or more', () => {
    expect(baselineWithTrace(large, 'large').turbofanCompiles).toBeGreaterThan(0);
  });
});
