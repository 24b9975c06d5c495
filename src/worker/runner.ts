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
  /** Opens the file's bytes; called once more if the worker fails to start. */
  open(signal: AbortSignal): Promise<ProfileSource>;
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

/** Profiles a file in a Web Worker, or in slices on the main thread when no worker can start. */
export function startProfile(request: ProfileRequest): ProfileRun {
  const controller = new AbortController();
  const result = (async () => {
    const worker = tryCreate(request.createWorker);
    if (worker) {
      const outcome = await runInWorker(worker, request, controller.signal);
      if (outcome !== 'not-started') {
        return outcome;
      }
    }
    return runInline(request, controller.signal);
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

async function runInWorker(
  worker: Worker,
  request: ProfileRequest,
  signal: AbortSignal
): Promise<DoneMessage | 'not-started'> {
  // A worker whose script cannot load says so at once, maybe while the file is still opening.
  let failedEarly = false;
  worker.onerror = (event: Event) => {
    event.preventDefault();
    failedEarly = true;
  };
  let source: ProfileSource;
  try {
    source = await request.open(signal);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  if (failedEarly) {
    worker.terminate();
    void source.stream.cancel().catch(() => undefined);
    return 'not-started';
  }
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
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.type === 'started') {
        started = true;
        return;
      }
      outcomeOf(
        request,
        event.data,
        done => (finish(), resolve(done)),
        error => (finish(), reject(error))
      );
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      finish();
      if (started) {
        reject(failure(event.message || 'the profiling worker stopped'));
      } else {
        resolve('not-started');
      }
    };
    signal.addEventListener('abort', onAbort);
    try {
      worker.postMessage(
        { type: 'start', source, options: request.options },
        { transfer: [source.stream as unknown as Transferable] }
      );
    } catch {
      // This browser cannot hand a stream to a worker.
      void source.stream.cancel().catch(() => undefined);
      finish();
      resolve('not-started');
      return;
    }
    if (signal.aborted) {
      onAbort();
    }
  });
}

async function runInline(request: ProfileRequest, signal: AbortSignal): Promise<DoneMessage> {
  const source = await request.open(signal);
  return new Promise<DoneMessage>((resolve, reject) => {
    const post = (message: WorkerMessage) => outcomeOf(request, message, resolve, reject);
    void runProfileJob(
      source,
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
