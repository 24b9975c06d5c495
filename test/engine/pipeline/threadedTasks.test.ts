import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import * as profileTask from '../../../src/engine/pipeline/profileTask';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { StartedWorkers } from '../../../src/engine/node/startedWorkers';
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
    const error = await runOnThreads(new StartedWorkers(workerScript), tasks, SETTINGS, {
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
    const error = await runOnThreads(new StartedWorkers(workerScript), tasks, SETTINGS, {
      workers: 2,
      onResult: () => undefined
    }).catch(e => e);
    expect(error).not.toBeInstanceOf(CancelledError);
    expect(error.message).toContain(`no such file or directory, open '${missing}'`);
  });

  it('an error merging a result stops the run', async () => {
    await expect(
      runOnThreads(new StartedWorkers(workerScript), tasksOf(files), SETTINGS, {
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

describe('worker threads started before the parts are listed', () => {
  it('start after the input is listed whole and announced, before a big file is split', async () => {
    const steps: string[] = [];
    const runtime = nodeRuntime({ workerScript, splitBytes: 64 * 1024 });
    const recording: PipelineRuntime = {
      ...runtime,
      listParts: (dataset, options) => {
        steps.push(options.split ? 'list split' : 'list whole');
        return runtime.listParts(dataset, options);
      },
      startWorkers: workers => {
        steps.push(`start ${workers} workers`);
        return runtime.startWorkers!(workers);
      },
      runTasks: (tasks, settings, hooks) => {
        steps.push(`run ${tasks.length > 1 ? 'tasks' : 'one task'}`);
        return runtime.runTasks(tasks, settings, hooks);
      }
    };
    const onMain = spyOnMainThreadTasks();
    const summary = await runBaseline(
      {
        dataset: files[0],
        outputDir: path.join(dir, 'started'),
        workers: 2,
        onProgress: event => {
          if (event.type === 'start') {
            steps.push('start event');
          }
        }
      },
      recording
    );
    expect(steps).toEqual([
      'list whole',
      'start event',
      'start 2 workers',
      'list split',
      'run tasks'
    ]);
    expect(summary.records.rows).toBe(20_000);
    // A started worker thread took tasks: the main thread did not profile them all.
    expect(onMain.length).toBeGreaterThan(0);
    expect(onMain).not.toContain(0);
  });

  it('do not keep a process alive that never takes them', () => {
    const program = path.join(dir, 'never-taken.cjs');
    buildSync({
      stdin: {
        contents:
          `import { StartedWorkers } from ${JSON.stringify(path.resolve(__dirname, '../../../src/engine/node/startedWorkers'))};\n` +
          "new StartedWorkers(process.argv[2], 2);\nsetTimeout(() => console.log('listed'), 300);\n",
        resolveDir: dir,
        loader: 'ts'
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: program,
      logLevel: 'warning'
    });
    const run = spawnSync(process.execPath, [program, workerScript], {
      encoding: 'utf8',
      timeout: 20_000
    });
    expect(run.stdout).toBe('listed\n');
    expect(run.status).toBe(0);
  });

  it('that fail while they wait fail the run that takes them, with their error', async () => {
    const broken = path.join(dir, 'broken-worker.cjs');
    fs.writeFileSync(broken, "throw new Error('the worker bundle is broken');\n");
    const started = new StartedWorkers(broken, 1);
    // The error happens while nobody has taken the worker; it must neither crash nor be lost.
    await new Promise(resolve => setTimeout(resolve, 1000));
    const error = await runOnThreads(started, tasksOf(files), SETTINGS, {
      workers: 2,
      onResult: () => undefined
    }).catch(e => e);
    expect(error).not.toBeInstanceOf(CancelledError);
    expect(String(error?.message)).toContain('the worker bundle is broken');
  });
});
