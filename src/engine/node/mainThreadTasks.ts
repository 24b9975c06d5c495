import { RecordPreprocessor } from '../io/preprocessor';
import { CancelledError } from '../errors';
import { runProfileTask } from '../pipeline/profileTask';
import { ReadSettings } from '../pipeline/readSettings';
import { RunTaskHooks } from '../pipeline/runtime';
import { loadPreprocessor } from './loadPreprocessor';
import { nodeTaskIO } from './nodeTaskIO';
import { TaskQueue } from './taskQueue';

/**
 * Profiles tasks from `queue` on the main thread, one after another, until none is left. Reading
 * awaits each 64 KiB chunk of the file, so the event loop turns between chunks (no extra yields
 * needed): worker messages, progress and SIGINT are handled while a task runs, and an abort stops
 * it at the next chunk.
 */
export async function runOnMainThread(
  queue: TaskQueue,
  settings: ReadSettings,
  hooks: Omit<RunTaskHooks, 'workers'>
): Promise<void> {
  const io = nodeTaskIO();
  const preprocessor: RecordPreprocessor | undefined = settings.preprocessorPath
    ? loadPreprocessor(settings.preprocessorPath)
    : undefined;
  // Like a worker thread's: this thread's tasks are all merged into one profile.
  const skipValueCountsOf = new Set<string>();
  for (let task = queue.take(); task; task = queue.take()) {
    if (hooks.signal?.aborted) {
      throw new CancelledError();
    }
    const index = task.index;
    try {
      const result = await runProfileTask(task, settings, io, {
        signal: hooks.signal,
        preprocessor,
        skipValueCountsOf,
        onProgress: (bytes, rows) => hooks.onProgress?.(index, bytes, rows)
      });
      hooks.onResult(result);
    } catch (error) {
      throw hooks.signal?.aborted ? new CancelledError() : error;
    }
  }
}
