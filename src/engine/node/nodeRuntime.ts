import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { DatasetFormat } from '../io/datasetFormat';
import { RecordPreprocessor } from '../io/preprocessor';
import { inWindow, TimeWindow } from '../pipeline/captureWindow';
import { CancelledError, DataError } from '../pipeline/errors';
import { InputPart, ProfileTask } from '../pipeline/parts';
import { runProfileTask } from '../pipeline/profileTask';
import { ReadSettings } from '../pipeline/readSettings';
import { PipelineRuntime, RunTaskHooks } from '../pipeline/runtime';
import { detectFileFormat } from './detectFileFormat';
import { loadPreprocessor } from './loadPreprocessor';
import { nodeTaskIO } from './nodeTaskIO';
import { splitFile } from './splitFile';
import { walkFiles } from './walkFiles';
import { runOnWorkers } from './workerPool';
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

/** The pipeline runtime for Node: local files, worker threads, atomic writes. */
export function nodeRuntime(options: NodeRuntimeOptions = {}): PipelineRuntime {
  const workerScript = options.workerScript ?? path.join(__dirname, WORKER_FILE);
  const splitBytes = options.splitBytes ?? SPLIT_BYTES;
  return {
    listParts: (dataset, { window, split, settings }) =>
      listParts(dataset, window, split ? splitBytes : 0, settings),
    runTasks: (tasks, settings, hooks) =>
      hooks.workers > 1 && tasks.length > 1 && existsSync(workerScript)
        ? runOnWorkers(workerScript, tasks, settings, hooks)
        : runInline(tasks, settings, hooks),
    readText: file => fs.readFile(file, 'utf8'),
    writeFiles: writeFilesAtomic,
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
  const selected = files.filter(f => !window || inWindow(f.relative, window));
  const parts: InputPart[] = [];
  for (const f of selected) {
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

async function runInline(
  tasks: ProfileTask[],
  settings: ReadSettings,
  hooks: RunTaskHooks
): Promise<void> {
  const io = nodeTaskIO();
  const preprocessor: RecordPreprocessor | undefined = settings.preprocessorPath
    ? loadPreprocessor(settings.preprocessorPath)
    : undefined;
  for (const task of tasks) {
    try {
      const result = await runProfileTask(task, settings, io, {
        signal: hooks.signal,
        preprocessor,
        onProgress: (bytes, rows) => hooks.onProgress?.(task.index, bytes, rows)
      });
      hooks.onResult(result);
    } catch (error) {
      throw hooks.signal?.aborted ? new CancelledError() : error;
    }
  }
}
