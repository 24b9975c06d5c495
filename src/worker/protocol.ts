/**
 * Messages between the page and the profiling worker. The page sends `start` (the dataset's files)
 * and may send `cancel`; the worker answers `started`, asks for each file's bytes with `open` (the
 * page answers `file`, the bytes as a transferred stream, or `fileError`), reports `progress`, and
 * ends with one `done` or `error`.
 */
import { DatasetFile } from '../engine/browser/browserDataset';
import { RunSummary } from '../engine/pipeline/runSummary';

/** What to profile: a file, or a folder of captures, with its files in reading order. */
export interface ProfileSource {
  /** Its path on the server. */
  path: string;
  files: DatasetFile[];
}

export interface ProfileOptions {
  /** CSV files start with a header row. */
  header: boolean;
}

export type PageMessage =
  | { type: 'start'; source: ProfileSource; options: ProfileOptions }
  | { type: 'file'; name: string; stream: ReadableStream<Uint8Array> }
  | { type: 'fileError'; name: string; message: string }
  | { type: 'cancel' };

export type ProfilePhase = 'reading' | 'merging' | 'statistics' | 'checking' | 'writing';

/** Where the engine ran: in a Web Worker, or in slices on the page's main thread. */
export type EngineContext = 'worker' | 'inline';

export interface ProgressMessage {
  type: 'progress';
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  phase: ProfilePhase;
}

export interface DoneMessage {
  type: 'done';
  /** The files SageMaker would write, byte for byte as the CLI writes them. */
  statistics: string;
  constraints: string;
  /** Our `diagnostics.json`: records read and rejected, and the first bad ones by file and line. */
  diagnostics: string;
  summary: RunSummary;
  context: EngineContext;
}

export interface ErrorMessage {
  type: 'error';
  /** Names the file, and the line and field when the fault is in a record. */
  message: string;
  cancelled: boolean;
  /** `diagnostics.json` text when the data was read before the failure. */
  diagnostics?: string;
}

export type WorkerMessage =
  | { type: 'started' }
  | { type: 'open'; name: string }
  | ProgressMessage
  | DoneMessage
  | ErrorMessage;
