import { CancelledError } from '../errors';
import { ProfileTask } from '../pipeline/parts';
import { ReadSettings } from '../pipeline/readSettings';
import { RunTaskHooks } from '../pipeline/runtime';
import { runOnMainThread } from './mainThreadTasks';
import { TaskQueue } from './taskQueue';
import { StartedWorkers } from './startedWorkers';
import { runOnWorkers } from './workerPool';

/**
 * Runs tasks on `hooks.workers` threads: the main thread and `workers - 1` worker threads, all
 * taking tasks from one queue (one V8 isolate fewer than a thread per worker: less JIT, GC and
 * memory). The worker threads are taken from `workers` (started ones first, then new ones).
 * The first error, or an abort of `hooks.signal`, stops both sides; a run cancelled by
 * `hooks.signal` ends with CancelledError.
 */
export async function runOnThreads(
  workers: StartedWorkers,
  tasks: ProfileTask[],
  settings: ReadSettings,
  hooks: RunTaskHooks
): Promise<void> {
  const queue = new TaskQueue(tasks);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(new CancelledError());
  hooks.signal?.addEventListener('abort', onAbort);
  let firstError: Error | undefined;
  const fail = (error: Error): void => {
    firstError ??= error;
    stop.abort(new CancelledError());
  };
  const sides = { ...hooks, signal: stop.signal };
  try {
    if (hooks.signal?.aborted) {
      workers.stopWaiting();
      throw new CancelledError();
    }
    await Promise.all([
      runOnWorkers(workers, hooks.workers - 1, queue, settings, sides).catch(fail),
      runOnMainThread(queue, settings, sides).catch(fail)
    ]);
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
  if (hooks.signal?.aborted) {
    throw new CancelledError();
  }
  if (firstError) {
    throw firstError;
  }
}
