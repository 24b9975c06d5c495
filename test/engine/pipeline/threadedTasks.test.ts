import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import * as profileTask from '../../../src/engine/pipeline/profileTask';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { runOnThreads } from '../../../src/engine/node/threadedTasks';
import { CancelledError } from '../../../src/engine/errors';
import { ProfileTask } from '../../../src/engine/pipeline/parts';
import { ProgressEvent } from '../../../src/engine/pipeline/progress';
import { ReadSettings } from '../../../src/engine/pipeline/readSettings';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { PipelineRuntime, RunTaskHooks } from '../../../src/engine/pipeline/runtime';
import { tempDir } from './pipelineHelpers';

jest.setTimeout(60_000);

const SETTINGS: ReadSettings = { format: 'csv', header: false };
let workerScript: string;
let dir: string;
let files: string[];

/** The real worker entry, bundled apart from dist/ (the CLI tests rebuild that concurrently). */
beforeAll(() => {
  dir = tempDir();
  workerScript = path.join(dir, 'worker.cjs');
  buildSync({
    entryPoints: [path.resolve(__dirname, '../../../src/engine/node/workerEntry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerScript,
    logLevel: 'warning',
    loader: { '.py': 'text' } // as scripts/build-cli.mjs bundles the Python preprocessor host
  });
  files = Array.from({ length: 6 }, (_, f) => {
    const file = path.join(dir, 'data', `part${f}.csv`);
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `${f * 20_000 + i},${((f * 7 + i) * 0.37).toFixed(3)},c${(i * 31 + f) % 97}`
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, rows.join('\n') + '\n');
    return file;
  });
});

afterEach(() => jest.restoreAllMocks());

function tasksOf(paths: string[]): ProfileTask[] {
  return paths.map((file, index) => ({
    index,
    parts: [{ file, bytes: fs.existsSync(file) ? fs.statSync(file).size : 1 }]
  }));
}

/** Which task indices the main thread profiled (worker threads do not see this spy). */
function spyOnMainThreadTasks(): number[] {
  const indices: number[] = [];
  const run = profileTask.runProfileTask;
  jest.spyOn(profileTask, 'runProfileTask').mockImplementation((task, ...rest) => {
    indices.push(task.index);
    return run(task, ...rest);
  });
  return indices;
}

/** A runtime whose task hooks also go to `spy` (per-task progress, results); `planned` gets the tasks. */
function withHookSpy(
  runtime: PipelineRuntime,
  spy: (hooks: RunTaskHooks) => RunTaskHooks,
  planned: ProfileTask[] = []
) {
  return {
    ...runtime,
    runTasks: (t, s, hooks) => {
      planned.push(...t);
      return runtime.runTasks(t, s, spy(hooks));
    }
  } as PipelineRuntime;
}

describe('tasks on the main thread and worker threads', () => {
  it('the main thread takes tasks; results merge in task order (the bytes of one thread)', async () => {
    const onMain = spyOnMainThreadTasks();
    const threaded = path.join(dir, 'threaded');
    const summary = await runBaseline(
      { dataset: path.join(dir, 'data'), outputDir: threaded, workers: 2 },
      nodeRuntime({ workerScript })
    );
    expect(summary.workers).toBe(2);
    expect(summary.records.rows).toBe(120_000);
    // The worker thread is handed the first task as it starts; the main thread takes the next.
    expect(onMain[0]).toBe(1);
    expect(onMain.length).toBeLessThan(5);
    // The same tasks all on the main thread, merged in the same order: the same bytes.
    const inline = path.join(dir, 'inline');
    await runBaseline(
      { dataset: path.join(dir, 'data'), outputDir: inline, workers: 2 },
      nodeRuntime({ workerScript: '/nonexistent' })
    );
    for (const name of ['statistics.json', 'constraints.json', 'diagnostics.json']) {
      expect(fs.readFileSync(path.join(threaded, name), 'utf8')).toBe(
        fs.readFileSync(path.join(inline, name), 'utf8')
      );
    }
  });

  it('one worker profiles on the main thread alone', async () => {
    const onMain = spyOnMainThreadTasks();
    await runBaseline(
      { dataset: path.join(dir, 'data'), outputDir: path.join(dir, 'one'), workers: 1 },
      nodeRuntime({ workerScript })
    );
    expect(onMain).toEqual([0]);
  });

  it('reports progress of main-thread and worker tasks, ending at all bytes', async () => {
    const events: ProgressEvent[] = [];
    const progressOf = new Set<number>();
    const planned: ProfileTask[] = [];
    const runtime = withHookSpy(
      nodeRuntime({ workerScript }),
      hooks => ({
        ...hooks,
        onProgress: (task, bytes, rows) => {
          progressOf.add(task);
          hooks.onProgress?.(task, bytes, rows);
        }
      }),
      planned
    );
    await runBaseline(
      {
        dataset: path.join(dir, 'data'),
        outputDir: path.join(dir, 'progress'),
        workers: 2,
        onProgress: event => events.push(event)
      },
      runtime
    );
    expect(events[0]).toMatchObject({ type: 'start', workers: 2 });
    const progress = events.filter(e => e.type === 'progress') as Array<{
      bytesRead: number;
      bytesTotal: number;
    }>;
    expect(progress.length).toBeGreaterThan(6);
    const read = progress.map(p => p.bytesRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read[read.length - 1]).toBe(progress[0].bytesTotal);
    expect(planned.length).toBeGreaterThan(2);
    expect(progressOf).toEqual(new Set(planned.map(task => task.index)));
  });

  it('an abort while the main thread profiles ends promptly with CancelledError and no outputs', async () => {
    const controller = new AbortController();
    const results: number[] = [];
    const runtime = withHookSpy(nodeRuntime({ workerScript }), hooks => ({
      ...hooks,
      onProgress: (task, bytes, rows) => {
        if (task === 1 && bytes > 0) {
          controller.abort();
        }
        hooks.onProgress?.(task, bytes, rows);
      },
      onResult: result => {
        results.push(result.index);
        hooks.onResult(result);
      }
    }));
    const out = path.join(dir, 'cancelled');
    const started = Date.now();
    await expect(
      runBaseline(
        { dataset: path.join(dir, 'data'), outputDir: out, workers: 2, signal: controller.signal },
        runtime
      )
    ).rejects.toThrow(CancelledError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(results).not.toContain(1);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('an error in a main-thread task stops the run with that error', async () => {
    const missing = path.join(dir, 'data', 'missing.csv');
    const tasks = tasksOf([files[0], missing, ...files.slice(1)]);
    const results: number[] = [];
    const error = await runOnThreads(workerScript, tasks, SETTINGS, {
      workers: 2,
      onResult: result => results.push(result.index)
    }).catch(e => e);
    expect(error).not.toBeInstanceOf(CancelledError);
    expect(error.message).toContain(`no such file or directory, open '${missing}'`);
    expect(results).not.toContain(1);
  });

  it('an error in a worker task stops the run with that error, not a cancellation', async () => {
    const missing = path.join(dir, 'data', 'missing.csv');
    const tasks = tasksOf([missing, ...files]);
    const error = await runOnThreads(workerScript, tasks, SETTINGS, {
      workers: 2,
      onResult: () => undefined
    }).catch(e => e);
    expect(error).not.toBeInstanceOf(CancelledError);
    expect(error.message).toContain(`no such file or directory, open '${missing}'`);
  });

  it('an error merging a result stops the run', async () => {
    await expect(
      runOnThreads(workerScript, tasksOf(files), SETTINGS, {
        workers: 2,
        onResult: result => {
          if (result.index === 0) {
            throw new Error('merge failed');
          }
        }
      })
    ).rejects.toThrow('merge failed');
  });
});
