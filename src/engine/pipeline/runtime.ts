import { RecordPreprocessor } from '../io/preprocessor';
import { BatchCapture } from './batchCapture';
import { TimeWindow } from './captureWindow';
import { InputPart, ProfileTask } from './parts';
import { TaskResult } from './profileTask';
import { ReadSettings } from './readSettings';

/**
 * What a run needs from its platform. The Node implementation (src/engine/node/) walks folders,
 * splits big files, runs tasks on the main thread and worker threads and writes files atomically;
 * a browser one can read `File`s inline.
 */
/** File name → text; null removes a file an earlier run left there (written all or none). */
export type OutputFiles = Record<string, string | null>;

export interface RunTaskHooks {
  workers: number;
  signal?: AbortSignal;
  onProgress?: (task: number, bytesRead: number, rows: number) => void;
  onResult: (result: TaskResult) => void;
}

export interface PipelineRuntime {
  /** Files (or byte ranges) of a dataset path in reading order; folders walked, window applied. */
  listParts(
    dataset: string,
    options: {
      window?: TimeWindow;
      split: boolean;
      settings: ReadSettings;
      /** The dataset is a batch transform capture: read the objects its manifests name. */
      batchCapture?: BatchCapture;
    }
  ): Promise<InputPart[]>;
  /**
   * Profiles tasks (in parallel when it can), reports bytes read and rows per task, and hands each
   * task's result to `onResult` as it completes (in any order), keeping none.
   */
  runTasks(tasks: ProfileTask[], settings: ReadSettings, hooks: RunTaskHooks): Promise<void>;
  /**
   * Starts, before the parts are listed, what the next `runTasks` with `workers` needs (worker
   * threads boot while a big file is split). `stop` ends what `runTasks` did not take.
   */
  startWorkers?(workers: number): { stop(): void };
  readText(path: string): Promise<string>;
  /** Writes every file or none: each to a temporary name in `dir`, renamed when all are written. */
  writeFiles(dir: string, files: OutputFiles): Promise<void>;
  /** Checks, before any data is read, that the output folder can be made and written. */
  checkOutput?(dir: string): Promise<void>;
  loadPreprocessor?(path: string): RecordPreprocessor;
}
