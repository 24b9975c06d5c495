import { existsSync } from 'fs';
import * as path from 'path';
import { DatasetFormat } from '../io/datasetFormat';
import { inWindow, TimeWindow } from '../pipeline/captureWindow';
import { DataError } from '../errors';
import { InputPart } from '../pipeline/parts';
import { ReadSettings } from '../pipeline/readSettings';
import { PipelineRuntime } from '../pipeline/runtime';
import { readConfinedText } from './confinedFiles';
import { detectFileFormat } from './detectFileFormat';
import { loadPreprocessor } from './loadPreprocessor';
import { runOnMainThread } from './mainThreadTasks';
import { splitFile } from './splitFile';
import { TaskQueue } from './taskQueue';
import { runOnThreads } from './threadedTasks';
import { checkOutputFolder } from './outputFolder';
import { walkFiles } from './walkFiles';
import { WORKER_FILE } from './workerProtocol';
import { writeFilesAtomic } from './writeFilesAtomic';

/** Files above this size are cut into byte ranges of this size when several workers run. */
export const SPLIT_BYTES = 16 * 1024 * 1024;
const SPLITTABLE: DatasetFormat[] = ['csv', 'json', 'sagemaker_capture_json'];

export interface NodeRuntimeOptions {
  /** The bundled worker script; absent or missing file: tasks run on the main thread. */
  workerScript?: string;
  splitBytes?: number;
}

/**
 * The pipeline runtime for Node: local files, tasks on the main thread and worker threads, atomic
 * writes. One worker means the main thread alone, no worker thread.
 */
export function nodeRuntime(options: NodeRuntimeOptions = {}): PipelineRuntime {
  const workerScript = options.workerScript ?? path.join(__dirname, WORKER_FILE);
  const splitBytes = options.splitBytes ?? SPLIT_BYTES;
  return {
    listParts: (dataset, { window, split, settings }) =>
      listParts(dataset, window, split ? splitBytes : 0, settings),
    runTasks: (tasks, settings, hooks) =>
      hooks.workers > 1 && tasks.length > 1 && existsSync(workerScript)
        ? runOnThreads(workerScript, tasks, settings, hooks)
        : runOnMainThread(new TaskQueue(tasks), settings, hooks),
    readText: readConfinedText,
    writeFiles: writeFilesAtomic,
    checkOutput: checkOutputFolder,
    loadPreprocessor
  };
}

async function listParts(
  dataset: string,
  window: TimeWindow | undefined,
  splitBytes: number,
  settings: ReadSettings
): Promise<InputPart[]> {
  let files;
  try {
    files = await walkFiles(dataset);
  } catch (error) {
    throw new DataError(`cannot read ${dataset}: ${(error as Error).message}`);
  }
  // A file named directly is read whole: the window selects hour folders of a capture folder.
  const single = files.length === 1 && files[0].file === dataset;
  const selected = files.filter(f => single || !window || inWindow(f.relative, window));
  const parts: InputPart[] = [];
  for (const f of selected) {
    if (f.unreadable !== undefined) {
      parts.push({ file: f.file, bytes: 0, unreadable: f.unreadable });
      continue;
    }
    if (splitBytes > 0 && f.size > splitBytes) {
      const format = settings.format ?? (await detectFileFormat(f.file));
      if (SPLITTABLE.includes(format)) {
        parts.push(
          ...(await splitFile({
            file: f.file,
            size: f.size,
            pieceBytes: splitBytes,
            csv: format === 'csv',
            header: settings.header
          }))
        );
        continue;
      }
    }
    parts.push({ file: f.file, bytes: f.size });
  }
  return parts;
}
