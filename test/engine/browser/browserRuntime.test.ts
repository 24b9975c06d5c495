/**
 * The browser runtime reads a file as a stream of chunks and must give the very bytes the CLI
 * writes for the same file; cancelling stops the reading.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ReadableStream } from 'stream/web';
import { tableFromArrays, tableToIPC } from 'apache-arrow';

import { browserRuntime } from '../../../src/engine/browser/browserRuntime';
import { seededRandom } from '../../../src/engine/modelQuality/random';
import { CancelledError, DataError } from '../../../src/engine/errors';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { buildCli, runCli } from '../cli/cliRunner';
import { csvCaptureLine, tempDir } from '../pipeline/pipelineHelpers';
import { walkFiles } from '../../../src/engine/node/walkFiles';

/** A stream of `bytes` in chunks of `chunkBytes`, counting how many chunks were pulled. */
function chunkedStream(bytes: Uint8Array, chunkBytes: number) {
  const pulled = { chunks: 0, cancelled: false };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      pulled.chunks++;
      controller.enqueue(bytes.slice(at, at + chunkBytes));
      at += chunkBytes;
    },
    cancel() {
      pulled.cancelled = true;
    }
  }) as unknown as globalThis.ReadableStream<Uint8Array>;
  return { stream, pulled };
}

function trainingCsv(rows: number, seed = 7): string {
  const random = seededRandom(seed);
  const lines = ['score,age,income,plan,active'];
  for (let i = 0; i < rows; i++) {
    if (i % 997 === 500) {
      lines.push('0.5,1,2'); // too few fields: diagnostics must name its line
      continue;
    }
    const plan = ['basic', 'plus', 'pro'][Math.floor(random() * 3)];
    lines.push(
      [
        random().toFixed(4),
        Math.floor(18 + random() * 60),
        (random() * 1e5).toFixed(2),
        i % 50 === 0 ? '' : plan,
        random() < 0.3 ? 'true' : 'false'
      ].join(',')
    );
  }
  return lines.join('\n') + '\n';
}

function jsonLines(rows: number): string {
  const random = seededRandom(11);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      i === 123
        ? '{"x": 1, broken'
        : JSON.stringify({ x: random() * 10, label: i % 3 === 0 ? 'a' : 'b', n: i })
    );
  }
  return lines.join('\n') + '\n';
}

/** A dataset of one file whose bytes come from `stream`. */
function oneFile(name: string, size: number, stream: globalThis.ReadableStream<Uint8Array>) {
  return { path: name, files: [{ name, size }], open: async () => stream };
}

/** What the real CLI writes for `file` (one worker: rows in file order). */
function cliOutputs(file: string, header: boolean): Record<string, string> {
  const out = tempDir();
  const args = ['baseline', '--dataset', file, '--output', out, '--workers', '1'];
  const result = runCli(header ? [...args, '--header'] : args);
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 0,
    stderr: expect.not.stringContaining('Error')
  });
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  return {
    statistics: read('statistics.json'),
    constraints: read('constraints.json'),
    diagnostics: read('diagnostics.json')
  };
}

async function browserOutputs(file: string, chunkBytes: number, header: boolean) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { stream } = chunkedStream(bytes, chunkBytes);
  const runtime = browserRuntime(oneFile(file, bytes.length, stream));
  await runBaseline({ dataset: file, header, outputDir: '.', workers: 1 }, runtime);
  return {
    statistics: runtime.outputs.get('statistics.json'),
    constraints: runtime.outputs.get('constraints.json'),
    diagnostics: runtime.outputs.get('diagnostics.json')
  };
}

describe('browser runtime', () => {
  let dir: string;

  beforeAll(() => {
    buildCli();
    dir = tempDir();
  });

  it('gives the CLI bytes for a CSV streamed in odd-sized chunks', async () => {
    const file = path.join(dir, 'training.csv');
    fs.writeFileSync(file, trainingCsv(20_000));
    const cli = cliOutputs(file, true);
    for (const chunkBytes of [4093, 65536]) {
      expect(await browserOutputs(file, chunkBytes, true)).toEqual(cli);
    }
    expect(JSON.parse(cli.diagnostics).counts.column_count).toBeGreaterThan(0);
  });

  it('gives the CLI bytes for JSON lines, with the bad line reported', async () => {
    const file = path.join(dir, 'rows.jsonl');
    fs.writeFileSync(file, jsonLines(5000));
    const cli = cliOutputs(file, false);
    const browser = await browserOutputs(file, 1000, false);
    expect(browser).toEqual(cli);
    const examples = JSON.parse(browser.diagnostics!).examples;
    expect(examples[0]).toMatchObject({ file, line: 124, kind: 'malformed_json' });
  });

  it('gives the CLI bytes for Arrow IPC, stream and file format', async () => {
    const random = seededRandom(3);
    const n = 3000;
    const table = tableFromArrays({
      x: Float64Array.from({ length: n }, () => random() * 100),
      k: Int32Array.from({ length: n }, (_, i) => i % 17),
      s: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 'five' : 'other'))
    });
    for (const [name, format] of [
      ['rows.arrows', 'stream'],
      ['rows.arrow', 'file']
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, tableToIPC(table, format));
      expect(await browserOutputs(file, 5000, false)).toEqual(cliOutputs(file, false));
    }
  });

  it('gives the CLI bytes for a folder of captures, files read one at a time in its order', async () => {
    const folder = path.join(dir, 'captures');
    const names = ['2024/01/01/00/a.jsonl', '2024/01/01/01/b.jsonl', '2024/01/01/00/_SUCCESS'];
    const random = seededRandom(5);
    for (const name of names) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      const lines = Array.from({ length: 300 }, (_, i) =>
        csvCaptureLine(
          `${(random() * 10).toFixed(3)},${i % 7}`,
          random().toFixed(4),
          `${name}-${i}`
        )
      );
      fs.writeFileSync(
        path.join(folder, name),
        name.endsWith('_SUCCESS') ? '' : lines.join('\n') + '\n'
      );
    }
    const cli = cliOutputs(folder, false);
    // The CLI's own file order and skip rules (walkFiles) decide what the browser is given.
    const files = (await walkFiles(folder)).map(f => ({ name: f.file, size: f.size }));
    expect(files.map(f => path.relative(folder, f.name))).toEqual([names[0], names[1]]);
    const opened: string[] = [];
    const runtime = browserRuntime({
      path: folder,
      files,
      open: async name => {
        opened.push(name);
        return chunkedStream(new Uint8Array(fs.readFileSync(name)), 3000).stream;
      }
    });
    await runBaseline({ dataset: folder, outputDir: '.', workers: 1 }, runtime);
    expect(opened).toEqual(files.map(f => f.name));
    expect(runtime.outputs.get('statistics.json')).toBe(cli.statistics);
    expect(runtime.outputs.get('constraints.json')).toBe(cli.constraints);
  });

  it('reads only the head of a file before the format is known, then the rest once', async () => {
    const bytes = new TextEncoder().encode(trainingCsv(3000));
    const { stream, pulled } = chunkedStream(bytes, 1024);
    const runtime = browserRuntime(oneFile('noext', bytes.length, stream));
    const summary = await runBaseline(
      { dataset: 'noext', header: true, outputDir: '.', workers: 1 },
      runtime
    );
    expect(summary.itemCount).toBeGreaterThan(2990);
    expect(pulled.chunks).toBe(Math.ceil(bytes.length / 1024));
  });

  it('stops reading when cancelled', async () => {
    const bytes = new TextEncoder().encode(trainingCsv(50_000));
    const { stream, pulled } = chunkedStream(bytes, 4096);
    const controller = new AbortController();
    const runtime = browserRuntime(oneFile('big.csv', bytes.length, stream));
    const run = runBaseline(
      {
        dataset: 'big.csv',
        header: true,
        outputDir: '.',
        workers: 1,
        signal: controller.signal,
        onProgress: event => {
          if (event.type === 'progress' && event.bytesRead > 100_000) {
            controller.abort();
          }
        }
      },
      runtime
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const total = Math.ceil(bytes.length / 4096);
    expect(pulled.chunks).toBeLessThan(total / 2);
    expect(pulled.cancelled).toBe(true);
    expect(runtime.outputs.size).toBe(0);
  });

  it('refuses any dataset but its own file', async () => {
    const { stream } = chunkedStream(new Uint8Array(0), 1);
    const runtime = browserRuntime(oneFile('a.csv', 0, stream));
    await expect(
      runBaseline({ dataset: 'b.csv', outputDir: '.', workers: 1 }, runtime)
    ).rejects.toBeInstanceOf(DataError);
  });
});
