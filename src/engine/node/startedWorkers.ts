import { Worker } from 'worker_threads';

/**
 * Heap limits of a worker thread. Its garbage is short-lived (cells and small batches), so a
 * 16 MiB young generation costs little time and caps what each thread's young generation adds to
 * the process (V8's default grows to 48 MiB per thread). The old-generation limit is far above
 * what a profile keeps alive (it grows with the number of columns, not rows), but below the 2 GiB
 * at which V8 lets the heap grow to 4x its live size before collecting: at 1 GiB it grows by about
 * 1.6x, which keeps two workers within ~200 MB on 100-300 MB inputs for ~10% more CPU.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** A worker handed out by `take`, with what went wrong while it waited (if anything). */
export interface TakenWorker {
  worker: Worker;
  failure?: Error;
}

/**
 * Worker threads started before their tasks are known. A worker loads and compiles its bundle
 * before it can take a task (~0.1 s of CPU); started early, it does so while the main thread lists
 * and splits the input. Until taken, a worker does not keep the process alive, and an error or exit
 * while it waits is kept for whoever takes it.
 */
export class StartedWorkers {
  private readonly waiting: Worker[] = [];
  private readonly failures = new Map<Worker, Error>();
  private readonly watchers = new Map<Worker, { error(e: Error): void; exit(c: number): void }>();

  constructor(
    private readonly script: string,
    count = 0
  ) {
    for (let i = 0; i < count; i++) {
      this.waiting.push(this.start());
    }
  }

  /** A waiting worker, else a new one; from now on it keeps the process alive. */
  take(): TakenWorker {
    const worker = this.waiting.shift() ?? this.start();
    const watcher = this.watchers.get(worker)!;
    worker.off('error', watcher.error).off('exit', watcher.exit).ref();
    this.watchers.delete(worker);
    const failure = this.failures.get(worker);
    this.failures.delete(worker);
    return { worker, failure };
  }

  /** Ends the workers nobody took. */
  stopWaiting(): void {
    for (const worker of this.waiting.splice(0)) {
      void worker.terminate();
    }
  }

  private start(): Worker {
    const worker = new Worker(this.script, { resourceLimits: WORKER_LIMITS });
    worker.unref();
    const watcher = {
      error: (error: Error) => this.failures.set(worker, error),
      exit: (code: number) => {
        if (!this.failures.has(worker)) {
          this.failures.set(worker, new Error(`worker exited with code ${code}`));
        }
      }
    };
    worker.on('error', watcher.error).on('exit', watcher.exit);
    this.watchers.set(worker, watcher);
    return worker;
  }
}
