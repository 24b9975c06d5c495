import { DatasetFormat, detectFormat } from '../io/datasetFormat';
import { CancelledError, DataError } from '../errors';
import { InputPart } from '../pipeline/parts';
import { runProfileTask, TaskIO } from '../pipeline/profileTask';
import { PipelineRuntime } from '../pipeline/runtime';
import { BrowserDataset } from './browserDataset';
import { StreamReader } from './streamReader';

/** As much of a file's start as format detection looks at (as the CLI does). */
const HEAD_BYTES = 64 * 1024;
const PIECE_BYTES = 1024 * 1024;

export interface BrowserRuntimeOptions {
  /**
   * On the page's main thread: hand the event loop back at least this often (ms), so the page
   * stays responsive while the engine runs in slices. Absent (in a worker): never.
   */
  sliceMs?: number;
}

/** The pipeline runtime in a browser, and the files a run wrote (kept in memory, by name). */
export interface BrowserRuntime extends PipelineRuntime {
  readonly outputs: Map<string, string>;
}

/**
 * Runs the engine on a dataset whose files are streamed: each read once, chunk by chunk, so memory
 * stays bounded whatever their size (except Arrow IPC *file* format, whose footer needs the whole
 * file). Outputs stay in `outputs` for the caller to save.
 */
export function browserRuntime(
  input: BrowserDataset,
  options: BrowserRuntimeOptions = {}
): BrowserRuntime {
  const outputs = new Map<string, string>();
  return {
    outputs,
    listParts: async dataset => {
      if (dataset !== input.path) {
        throw new DataError(`${dataset}: only ${input.path} can be read here`);
      }
      return input.files.map(file => ({ file: file.name, bytes: file.size }));
    },
    runTasks: async (tasks, settings, hooks) => {
      const io = streamTaskIO(input, options.sliceMs, hooks.signal);
      for (const task of tasks) {
        try {
          const result = await runProfileTask(task, settings, io, {
            signal: hooks.signal,
            onProgress: (bytes, rows) => hooks.onProgress?.(task.index, bytes, rows)
          });
          hooks.onResult(result);
        } catch (error) {
          throw hooks.signal?.aborted ? new CancelledError() : error;
        }
      }
    },
    readText: async path => {
      throw new DataError(`${path}: only ${input.path} can be read in the browser`);
    },
    writeFiles: async (_dir, files) => {
      for (const [name, text] of Object.entries(files)) {
        if (text === null) {
          outputs.delete(name);
        } else {
          outputs.set(name, text);
        }
      }
    }
  };
}

/** Each file is opened when first needed (its head for the format), then read to its end. */
function streamTaskIO(
  input: BrowserDataset,
  sliceMs: number | undefined,
  signal: AbortSignal | undefined
): TaskIO {
  const readers = new Map<string, Promise<StreamReader>>();
  const readerOf = (file: string) => {
    let reader = readers.get(file);
    if (!reader) {
      reader = input.open(file).then(stream => new StreamReader(stream));
      readers.set(file, reader);
    }
    return reader;
  };
  return {
    formatOf: async (part: InputPart): Promise<DatasetFormat> => {
      const head = await (await readerOf(part.file)).head(HEAD_BYTES);
      const text = new TextDecoder().decode(head.subarray(0, HEAD_BYTES)).replace(/^\uFEFF/, '');
      const format = detectFormat(part.file, text);
      if (!format) {
        throw new DataError(`${part.file}: cannot tell its format; choose one`);
      }
      return format;
    },
    open: (part, onBytes) => readWhole(readerOf(part.file), onBytes, sliceMs, signal)
  };
}

async function* readWhole(
  reader: Promise<StreamReader>,
  onBytes: (bytes: number) => void,
  sliceMs: number | undefined,
  signal: AbortSignal | undefined
): AsyncGenerator<Uint8Array> {
  yield* counted((await reader).chunks(signal), onBytes, sliceMs);
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (bytes: number) => void,
  sliceMs: number | undefined
): AsyncGenerator<Uint8Array> {
  let sliceStart = Date.now();
  for await (const chunk of chunks) {
    // Big chunks are cut, so a slice of work on the main thread stays short.
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const piece = chunk.subarray(at, at + PIECE_BYTES);
      onBytes(piece.length);
      yield piece;
      if (sliceMs !== undefined && Date.now() - sliceStart >= sliceMs) {
        await new Promise(resolve => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
    }
  }
}
