import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { DatasetFormat } from '../io/datasetFormat';
import { inWindow, TimeWindow } from '../pipeline/captureWindow';
import { DataError } from '../errors';
import { InputPart } from '../pipeline/parts';
import {
  BATCH_INPUT_FOLDER,
  BatchCapture,
  localPathOf,
  manifestUris
} from '../pipeline/batchCapture';
import { ReadSettings } from '../pipeline/readSettings';
import { PipelineRuntime } from '../pipeline/runtime';
import { readConfinedText } from './confinedFiles';
import { detectFileFormat } from './detectFileFormat';
import { loadPreprocessor } from './loadPreprocessor';
import { runOnMainThread } from './mainThreadTasks';
import { splitFile } from './splitFile';
import { StartedWorkers } from './startedWorkers';
import { TaskQueue } from './taskQueue';
import { runOnThreads } from './threadedTasks';
import { checkOutputFolder } from './outputFolder';
import { DatasetFile, walkFiles } from './walkFiles';
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
  const threadsAvailable = () => existsSync(workerScript);
  // Worker threads started by startWorkers, until runTasks takes them. A big file that is not split
  // after all (a CSV with quotes) leaves one task: its workers booted for nothing (~0.1 s of CPU).
  let started: StartedWorkers | undefined;
  return {
    listParts: async (dataset, { window, split, settings, batchCapture }) =>
      partsOf(
        batchCapture
          ? await batchCaptureFiles(dataset, window, batchCapture)
          : await datasetFiles(dataset, window),
        split ? splitBytes : 0,
        settings
      ),
    startWorkers: workers => {
      const mine =
        workers > 1 && threadsAvailable()
          ? new StartedWorkers(workerScript, workers - 1)
          : undefined;
      started = mine;
      return { stop: () => mine?.stopWaiting() };
    },
    runTasks: (tasks, settings, hooks) => {
      const ready = started ?? new StartedWorkers(workerScript);
      started = undefined;
      if (hooks.workers > 1 && tasks.length > 1 && threadsAvailable()) {
        return runOnThreads(ready, tasks, settings, hooks);
      }
      ready.stopWaiting();
      return runOnMainThread(new TaskQueue(tasks), settings, hooks);
    },
    readText: readConfinedText,
    writeFiles: writeFilesAtomic,
    checkOutput: checkOutputFolder,
    loadPreprocessor
  };
}

/** The files of a dataset path; the window selects the hour folders of a capture folder. */
async function datasetFiles(dataset: string, window?: TimeWindow): Promise<DatasetFile[]> {
  let files;
  try {
    files = await walkFiles(dataset);
  } catch (error) {
    throw new DataError(`cannot read ${dataset}: ${(error as Error).message}`);
  }
  // A file named directly is read whole.
  const single = files.length === 1 && files[0].file === dataset;
  return files.filter(f => single || !window || inWindow(f.relative, window));
}

/**
 * The local copies of the objects that a batch transform capture's input manifests (in the
 * window's hour folders) name, each once, in manifest order.
 */
async function batchCaptureFiles(
  dataset: string,
  window: TimeWindow | undefined,
  capture: BatchCapture
): Promise<DatasetFile[]> {
  const manifests = await datasetFiles(path.join(dataset, BATCH_INPUT_FOLDER), window);
  const files: DatasetFile[] = [];
  const seen = new Set<string>();
  for (const manifest of manifests) {
    const uris = manifestUris(await readConfinedText(manifest.file), manifest.file);
    for (const uri of uris) {
      const file = localPathOf(uri, capture.s3Map, manifest.file);
      if (seen.has(file)) {
        continue;
      }
      seen.add(file);
      const size = await fs.stat(file).then(
        stat => stat.size,
        () => {
          throw new DataError(`${manifest.file} names ${uri}, whose copy ${file} is missing`);
        }
      );
      files.push({ file, relative: path.basename(file), size });
    }
  }
  return files;
}

async function partsOf(
  selected: DatasetFile[],
  splitBytes: number,
  settings: ReadSettings
): Promise<InputPart[]> {
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
