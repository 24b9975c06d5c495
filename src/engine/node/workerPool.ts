import { Worker } from 'worker_threads';
import { DataError, CancelledError, UsageError } from '../pipeline/errors';
import { ProfileTask, totalBytes } from '../pipeline/parts';
import { TaskResult } from '../pipeline/profileTask';
import { ReadSettings } from '../pipeline/readSettings';
import { DatasetProfile } from '../profile/datasetProfile';
import { TaskMessage, WorkerMessage } from './workerProtocol';

export interface PoolHooks {
  workers: number;
  signal?: AbortSignal;
  onProgress?: (task: number, bytesRead: number, rows: number) => void;
}

/**
 * Runs tasks on up to `workers` threads, each taking the next task when it finishes one. Results
 * come back by task index; the first error (or an abort) stops every thread.
 */
export function runOnWorkers(
  script: string,
  tasks: ProfileTask[],
  settings: ReadSettings,
  hooks: PoolHooks
): Promise<TaskResult[]> {
  return new Promise((resolve, reject) => {
    const results: TaskResult[] = new Array(tasks.length);
    const threads: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;

    const stop = (error?: Error): void => {
      if (failed) {
        return;
      }
      failed = !!error;
      hooks.signal?.removeEventListener('abort', onAbort);
      threads.forEach(thread => void thread.terminate());
      if (error) {
        reject(error);
      } else {
        resolve(results);
      }
    };
    const onAbort = (): void => stop(new CancelledError());
    hooks.signal?.addEventListener('abort', onAbort);

    const feed = (thread: Worker): void => {
      if (next < tasks.length) {
        const message: TaskMessage = { task: tasks[next++], settings };
        thread.postMessage(message);
      }
    };
    const onMessage = (thread: Worker, message: WorkerMessage): void => {
      if (message.type === 'progress') {
        hooks.onProgress?.(message.task, message.bytesRead, message.rows);
      } else if (message.type === 'error') {
        stop(reviveError(message.name, message.message));
      } else {
        const { result } = message;
        results[result.index] = { ...result, profile: DatasetProfile.fromJSON(result.profile) };
        hooks.onProgress?.(result.index, totalBytes(tasks[result.index].parts), result.counts.rows);
        finished++;
        if (finished === tasks.length) {
          stop();
        } else {
          feed(thread);
        }
      }
    };

    const count = Math.min(hooks.workers, tasks.length);
    for (let i = 0; i < count; i++) {
      const thread = new Worker(script);
      threads.push(thread);
      thread.on('message', (message: WorkerMessage) => onMessage(thread, message));
      thread.on('error', error => stop(error));
      thread.on('exit', code => {
        if (code !== 0 && finished < tasks.length) {
          stop(new Error(`worker exited with code ${code}`));
        }
      });
      feed(thread);
    }
    if (hooks.signal?.aborted) {
      onAbort();
    }
  });
}

function reviveError(name: string, message: string): Error {
  switch (name) {
    case 'DataError':
      return new DataError(message);
    case 'UsageError':
      return new UsageError(message);
    case 'CancelledError':
      return new CancelledError(message);
    default:
      return new Error(message);
  }
}
