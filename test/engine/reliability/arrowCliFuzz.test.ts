/**
 * Mutated Arrow IPC files and streams through the built CLI: each must end (not be killed as hung)
 * and never exit 4 (an internal error): corrupt Arrow is a data error (exit 2). Mutations overwrite
 * int32s with huge or random values (vector lengths, offsets, message lengths), flip bytes or cut
 * the input short.
 *
 * Budget: ARROW_FUZZ_RUNS cases (default 24); the long run is
 * `ARROW_FUZZ_RUNS=300 npx jest --selectProjects engine -- arrowCliFuzz`. ARROW_FUZZ_SEED varies
 * the inputs; ARROW_FUZZ_KEEP=1 keeps the case files. Needs `npm run build:cli` (dist/model-monitor.cjs).
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { seededRandom as random } from '../../../src/engine/modelQuality/random';

const CLI = join(resolve(__dirname, '../../..'), 'dist/model-monitor.cjs');
const RUNS = Number(process.env.ARROW_FUZZ_RUNS ?? 24);
const SEED = Number(process.env.ARROW_FUZZ_SEED ?? 1);
/** A small file must finish well within this; past it the CLI is killed (SIGKILL) as hung. */
const RUN_MS = 10_000;

function validInputs(): Uint8Array[] {
  const tables = [
    tableFromArrays({ i: Int32Array.from([1, 2, 3, 4]), x: Float64Array.from([0.5, 1, -2, 3]) }),
    tableFromArrays({ s: ['a', 'bb', 'ccc', 'a'], n: Float32Array.from([1, 2, 3, 4]) }),
    tableFromArrays({ b: Int8Array.from([0, 1, 1, 0]), t: ['x', 'y', 'x', 'z'] })
  ];
  return tables.flatMap(table => [tableToIPC(table, 'stream'), tableToIPC(table, 'file')]);
}

function mutate(input: Uint8Array, next: () => number): Uint8Array {
  const bytes = Uint8Array.from(input);
  const view = new DataView(bytes.buffer);
  const at = (width: number) => Math.floor(next() * (bytes.length - width));
  const kind = Math.floor(next() * 4);
  if (kind === 3) {
    return bytes.subarray(0, at(0));
  }
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    if (kind === 0) {
      const huge = [0x7fffffff, 0xffffffff, 0x10000000, 0x00c50006][Math.floor(next() * 4)];
      view.setUint32(at(4) & ~3, huge, true);
    } else if (kind === 1) {
      view.setUint32(at(4), Math.floor(next() * 2 ** 32), true);
    } else {
      bytes[at(1)] ^= 1 << Math.floor(next() * 8);
    }
  }
  return bytes;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'arrow-fuzz-'));
});
afterAll(() => {
  if (process.env.ARROW_FUZZ_KEEP) {
    console.log(`kept the fuzz cases in ${work}`);
  } else {
    rmSync(work, { recursive: true, force: true });
  }
});

test(
  `${RUNS} mutated Arrow inputs through the CLI: none hangs or exits 4 (seed ${SEED})`,
  () => {
    const next = random(SEED);
    const inputs = validInputs();
    const failures: { file: string; signal: string | null; exit: number | null; stderr: string }[] =
      [];
    for (let i = 0; i < RUNS; i++) {
      const source = inputs[i % inputs.length];
      const file = `case-${i}.${i % 2 === 0 ? 'arrows' : 'arrow'}`;
      writeFileSync(join(work, file), mutate(source, next));
      const run = spawnSync(
        process.execPath,
        [CLI, 'baseline', '--dataset', file, '--output', `out-${i}`, '--progress', 'none'],
        { cwd: work, encoding: 'utf8', timeout: RUN_MS, killSignal: 'SIGKILL' }
      );
      if (run.signal !== null || run.status === 4 || /\n\s+at /.test(run.stderr)) {
        failures.push({
          file,
          signal: run.signal,
          exit: run.status,
          stderr: run.stderr.slice(0, 300)
        });
      }
    }
    expect(failures).toEqual([]);
  },
  Math.max(60_000, RUNS * 2_000)
);
