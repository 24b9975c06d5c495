/**
 * The runner in jsdom, which has no Worker: the real fallback, the same engine on the main thread
 * in slices. Its outputs are the CLI's; cancel stops it.
 */
import '../webApis';

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReadableStream } from 'stream/web';

import { ProgressMessage } from '../../../src/worker/protocol';
import { ProfileError, startProfile } from '../../../src/worker/runner';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'model-monitor.cjs');

function csv(rows: number): string {
  const lines = ['id,value,group'];
  for (let i = 0; i < rows; i++) {
    lines.push(i === 10 ? 'oops' : `${i},${(i * 0.37) % 11},${['a', 'b', 'c'][i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

/** A one-file dataset streaming `bytes` in chunks of `chunkBytes`; `pulled` counts the chunks read. */
function source(name: string, bytes: Uint8Array, chunkBytes = 8192) {
  const state = { pulled: 0, opened: 0 };
  const list = async () => ({ path: name, files: [{ name, size: bytes.length }] });
  const open = async () => {
    state.opened++;
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        state.pulled++;
        controller.enqueue(bytes.slice(at, at + chunkBytes));
        at += chunkBytes;
      }
    }) as unknown as globalThis.ReadableStream<Uint8Array>;
  };
  return { list, open, state };
}

describe('profile runner without a Worker', () => {
  it('falls back to the main thread and writes what the CLI writes', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-runner-'));
    const file = path.join(dir, 'data.csv');
    fs.writeFileSync(file, csv(3000));
    execFileSync(
      process.execPath,
      [CLI, 'baseline', '--dataset', file, '--header', '--workers', '1', '--output', dir],
      { stdio: 'pipe' }
    );
    const { list, open, state } = source(file, new Uint8Array(fs.readFileSync(file)));
    const progress: ProgressMessage[] = [];
    const run = startProfile({
      list,
      open,
      options: { header: true },
      onProgress: p => progress.push(p),
      createWorker: () => new Worker('entry.js')
    });
    const done = await run.result;
    expect(done.context).toBe('inline');
    expect(state.opened).toBe(1);
    expect(done.statistics).toBe(fs.readFileSync(path.join(dir, 'statistics.json'), 'utf8'));
    expect(done.constraints).toBe(fs.readFileSync(path.join(dir, 'constraints.json'), 'utf8'));
    expect(JSON.parse(done.diagnostics).examples[0]).toMatchObject({ file, line: 12 });
    expect(progress.map(p => p.phase)).toContain('statistics');
  });

  it('hands the event loop back while it runs, and stops on cancel', async () => {
    const bytes = new TextEncoder().encode(csv(200_000));
    const { list, open, state } = source('big.csv', bytes, 4096);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const run = startProfile({
      list,
      open,
      options: { header: true },
      onProgress: p => {
        if (p.bytesRead > bytes.length / 10) {
          run.cancel();
        }
      }
    });
    const error = await run.result.catch(e => e);
    clearInterval(timer);
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(Math.ceil(bytes.length / 4096) / 2);
    expect(ticks).toBeGreaterThan(0);
  });
});
