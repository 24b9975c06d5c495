/** Entry of a profiling worker thread (bundled as dist/model-monitor-worker.cjs). */
import { parentPort } from 'worker_threads';
import { RecordPreprocessor } from '../io/preprocessor';
import { runProfileTask } from '../pipeline/profileTask';
import { DataError } from '../errors';
import { loadPreprocessor } from './loadPreprocessor';
import { nodeTaskIO } from './nodeTaskIO';
import { TaskMessage, WorkerMessage } from './workerProtocol';

const PROGRESS_INTERVAL_MS = 100;
const io = nodeTaskIO();
const preprocessors = new Map<string, RecordPreprocessor>();
/** A worker thread lives for one run, whose task profiles are all merged (TaskHooks). */
const skipValueCountsOf = new Set<string>();

function preprocessorFor(modulePath?: string): RecordPreprocessor | undefined {
  if (!modulePath) {
    return undefined;
  }
  let handler = preprocessors.get(modulePath);
  if (!handler) {
    handler = loadPreprocessor(modulePath);
    preprocessors.set(modulePath, handler);
  }
  return handler;
}

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

async function handle({ task, settings }: TaskMessage): Promise<void> {
  let lastPost = 0;
  try {
    const result = await runProfileTask(task, settings, io, {
      preprocessor: preprocessorFor(settings.preprocessorPath),
      skipValueCountsOf,
      onProgress: (bytesRead, rows) => {
        const now = Date.now();
        if (now - lastPost >= PROGRESS_INTERVAL_MS) {
          lastPost = now;
          post({ type: 'progress', task: task.index, bytesRead, rows });
        }
      }
    });
    post({ type: 'done', result: { ...result, profile: result.profile.toJSON() } });
  } catch (error) {
    const e = error as Error;
    post({
      type: 'error',
      task: task.index,
      name: e?.name ?? 'Error',
      message: e?.message ?? String(error),
      report: error instanceof DataError ? error.report : undefined
    });
  }
}

parentPort?.on('message', (message: TaskMessage) => {
  void handle(message);
});
