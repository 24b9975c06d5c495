import { Worker } from 'worker_threads';
import { DataError, CancelledError, UsageError } from '../errors';
import { totalBytes } from '../pipeline/parts';
import { ReadSettings } from '../pipeline/readSettings';
import { RunTaskHooks } from '../pipeline/runtime';
import { DatasetProfile } from '../profile/datasetProfile';
import { StartedWorkers, WORKER_LIMITS } from './startedWorkers';
import { TaskQueue } from './taskQueue';
import { TaskMessage, WorkerMessage } from './workerProtocol';

/**
 * Runs tasks from `queue` on `threads` worker threads (those `started` holds first), each taking
 * the next task when it finishes one, until the queue is empty. Each result goes to
 * `hooks.onResult` as it arrives; the first error (or an abort) stops every thread.
 */
export function runOnWorkers(
  started: StartedWorkers,
  threads: number,
  queue: TaskQueue,
  settings: ReadSettings,
  hooks: Omit<RunTaskHooks, 'workers'>
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const taskBytes = new Map<number, number>();
    let running = 0;
    let stopped = false;

    const stop = (error?: Error): void => {
      if (stopped) {
        return;
      }
      stopped = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      started.stopWaiting();
      workers.forEach(worker => void worker.terminate());
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const onAbort = (): void => stop(new CancelledError());
    hooks.signal?.addEventListener('abort', onAbort);

    const feed = (worker: Worker): void => {
      const task = queue.take();
      if (task) {
        running++;
        taskBytes.set(task.index, totalBytes(task.parts));
        const message: TaskMessage = { task, settings };
        worker.postMessage(message);
      }
    };
    const onMessage = (worker: Worker, message: WorkerMessage): void => {
      if (message.type === 'progress') {
        hooks.onProgress?.(message.task, message.bytesRead, message.rows);
      } else if (message.type === 'error') {
        stop(reviveError(message.name, message.message, message.report));
      } else {
        const { result } = message;
        running--;
        // The thread starts its next task before we merge this result, so it never waits on us.
        feed(worker);
        try {
          hooks.onResult({ ...result, profile: DatasetProfile.fromJSON(result.profile) });
        } catch (error) {
          stop(error as Error);
          return;
        }
        hooks.onProgress?.(result.index, taskBytes.get(result.index)!, result.counts.rows);
        if (running === 0) {
          stop();
        }
      }
    };

    for (let i = 0; i < threads && !queue.isEmpty && !stopped; i++) {
      const { worker, failure } = started.take();
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => onMessage(worker, message));
      worker.on('error', error => stop(outOfMemory(error) ?? error));
      worker.on('exit', code => {
        if (code !== 0) {
          stop(new Error(`worker exited with code ${code}`));
        }
      });
      if (failure) {
        stop(outOfMemory(failure) ?? failure);
      } else {
        feed(worker);
      }
    }
    started.stopWaiting();
    if (running === 0) {
      stop();
    }
    if (hooks.signal?.aborted) {
      onAbort();
    }
  });
}

/** A clear error for a worker that hit its heap limit (a profile of very many columns). */
function outOfMemory(error: Error): Error | undefined {
  if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') {
    return undefined;
  }
  return new DataError(
    `a worker thread ran out of memory (limit ${WORKER_LIMITS.maxOldGenerationSizeMb} MiB); ` +
      'try --workers 1, which profiles on the main thread without this limit'
  );
}

function reviveError(name: string, message: string, report?: DataError['report']): Error {
  switch (name) {
    case 'DataError':
      return new DataError(message, report);
    case 'UsageError':
      return new UsageError(message);
    case 'CancelledError':
      return new CancelledError(message);
    default:
      return new Error(message);
  }
}
