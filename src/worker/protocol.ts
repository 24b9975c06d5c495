/**
 * Messages between the page and the profiling worker. The page sends `start` (the file's bytes as
 * a transferred stream) and may send `cancel`; the worker answers `started`, then `progress`
 * messages, then one `done` or `error`.
 */
import { RunSummary } from '../engine/pipeline/runSummary';

/** The file to profile: read once, front to back. */
export interface ProfileSource {
  /** Its path on the server (diagnostics name it; its extension tells its format). */
  name: string;
  size: number;
  stream: ReadableStream<Uint8Array>;
}

export interface ProfileOptions {
  /** CSV files start with a header row. */
  header: boolean;
}

export type PageMessage =
  { type: 'start'; source: ProfileSource; options: ProfileOptions } | { type: 'cancel' };

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

export type WorkerMessage = { type: 'started' } | ProgressMessage | DoneMessage | ErrorMessage;
