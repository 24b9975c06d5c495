import { runProfileJob } from './profileJob';
import {
  DoneMessage,
  ErrorMessage,
  ProfileOptions,
  ProfileSource,
  ProgressMessage,
  WorkerMessage
} from './protocol';

/** On the main thread the engine hands the event loop back at least this often (ms). */
const INLINE_SLICE_MS = 16;
/** After `cancel`, how long the worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 500;

export interface ProfileRequest {
  /** The files to profile, in reading order. */
  list(signal: AbortSignal): Promise<ProfileSource>;
  /** A file's bytes, read once front to back. */
  open(file: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  options: ProfileOptions;
  onProgress?: (progress: ProgressMessage) => void;
  /** Starts a Web Worker. Absent, throwing, or failing on start: the job runs on the page. */
  createWorker?: () => Worker;
}

export interface ProfileRun {
  /** Resolves with the outputs; rejects with a ProfileError (also when cancelled). */
  readonly result: Promise<DoneMessage>;
  cancel(): void;
}

export class ProfileError extends Error {
  constructor(readonly detail: ErrorMessage) {
    super(detail.message);
  }

  get cancelled(): boolean {
    return this.detail.cancelled;
  }
}

/** Profiles a dataset in a Web Worker, or in slices on the main thread when no worker can start. */
export function startProfile(request: ProfileRequest): ProfileRun {
  const controller = new AbortController();
  const result = (async () => {
    const source = await request.list(controller.signal);
    const worker = canTransferStreams() ? tryCreate(request.createWorker) : null;
    if (worker) {
      const outcome = await runInWorker(worker, source, request, controller.signal);
      if (outcome !== 'not-started') {
        return outcome;
      }
    }
    return runInline(source, request, controller.signal);
  })().catch(error => {
    // Cancelling while the file is being opened aborts the request with a DOMException.
    throw controller.signal.aborted && !(error instanceof ProfileError) ? cancelledError() : error;
  });
  return { result, cancel: () => controller.abort() };
}

function tryCreate(createWorker?: () => Worker): Worker | null {
  try {
    return createWorker?.() ?? null;
  } catch {
    return null;
  }
}

/** Settles on the job's `done` or `error` message; progress goes to the listener on the way. */
function outcomeOf(
  request: ProfileRequest,
  message: WorkerMessage,
  resolve: (done: DoneMessage) => void,
  reject: (error: ProfileError) => void
): void {
  if (message.type === 'progress') {
    request.onProgress?.(message);
  } else if (message.type === 'done') {
    resolve(message);
  } else if (message.type === 'error') {
    reject(new ProfileError(message));
  }
}

/** Whether this browser can hand a ReadableStream to a worker (Safari before 18 cannot). */
function canTransferStreams(): boolean {
  try {
    const stream = new ReadableStream();
    new MessageChannel().port1.postMessage(stream, [stream as unknown as Transferable]);
    return true;
  } catch {
    return false;
  }
}

function runInWorker(
  worker: Worker,
  source: ProfileSource,
  request: ProfileRequest,
  signal: AbortSignal
): Promise<DoneMessage | 'not-started'> {
  return new Promise<DoneMessage | 'not-started'>((resolve, reject) => {
    let started = false;
    const finish = () => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      signal.removeEventListener('abort', onAbort);
      setTimeout(() => worker.terminate(), CANCEL_GRACE_MS);
      reject(cancelledError());
    };
    const sendFile = (name: string) =>
      request.open(name, signal).then(
        stream =>
          worker.postMessage({ type: 'file', name, stream }, [stream as unknown as Transferable]),
        error =>
          worker.postMessage({ type: 'fileError', name, message: String(error?.message ?? error) })
      );
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'started') {
        started = true;
      } else if (message.type === 'open') {
        void sendFile(message.name);
      } else {
        outcomeOf(
          request,
          message,
          done => (finish(), resolve(done)),
          error => (finish(), reject(error))
        );
      }
    };
    // A worker whose script cannot load fires `error` before it starts: then the page runs the job.
    worker.onerror = (event: Event) => {
      event.preventDefault();
      finish();
      if (started) {
        reject(failure((event as ErrorEvent).message || 'the profiling worker stopped'));
      } else {
        resolve('not-started');
      }
    };
    signal.addEventListener('abort', onAbort);
    worker.postMessage({ type: 'start', source, options: request.options });
    if (signal.aborted) {
      onAbort();
    }
  });
}

async function runInline(
  source: ProfileSource,
  request: ProfileRequest,
  signal: AbortSignal
): Promise<DoneMessage> {
  return new Promise<DoneMessage>((resolve, reject) => {
    const post = (message: WorkerMessage) => outcomeOf(request, message, resolve, reject);
    void runProfileJob(
      { ...source, open: file => request.open(file, signal) },
      request.options,
      { context: 'inline', signal, sliceMs: INLINE_SLICE_MS },
      post
    );
  });
}

function failure(message: string): ProfileError {
  return new ProfileError({ type: 'error', message, cancelled: false });
}

function cancelledError(): ProfileError {
  return new ProfileError({ type: 'error', message: 'cancelled', cancelled: true });
}
