import { DataError } from '../errors';
import { ProfileJSON } from '../profile/datasetProfile';
import { ProfileTask } from '../pipeline/parts';
import { TaskResult } from '../pipeline/profileTask';
import { ReadSettings } from '../pipeline/readSettings';

/** Main thread → worker: profile this task. */
export interface TaskMessage {
  task: ProfileTask;
  settings: ReadSettings;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'progress'; task: number; bytesRead: number; rows: number }
  | { type: 'done'; result: TaskResult<ProfileJSON> }
  | { type: 'error'; task: number; name: string; message: string; report?: DataError['report'] };

/** File name of the bundled worker, next to the CLI bundle (scripts/build-cli.mjs). */
export const WORKER_FILE = 'model-monitor-worker.cjs';
