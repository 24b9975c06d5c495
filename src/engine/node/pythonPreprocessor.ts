import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as path from 'path';
import { CaptureRecordInput, PreprocessorOutcome, RecordPreprocessor } from '../io/preprocessor';
import { UsageError } from '../errors';
import HOST_SOURCE from './recordPreprocessorHost.py';
import { userPython } from './userProgram';

type Answer = { ready: true } | { fatal: string } | PreprocessorOutcome;

/**
 * A SageMaker Python `record_preprocessor_script`, run unchanged in one long-lived Python process
 * (recordPreprocessorHost.py): records go in as their capture lines, a batch at a time, and each
 * comes back as rows or as the error the script raised on it.
 */
export class PythonPreprocessor implements RecordPreprocessor {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: Answer[] = [];
  private waiting: { count: number; resolve: () => void } | null = null;
  private buffered = '';
  private exited: string | null = null;
  private readonly ready: Promise<void>;
  /** Batches are answered in the order sent: each one's answers are taken after the last's. */
  private answered: Promise<unknown> = Promise.resolve();
  private batchesInFlight = 0;

  constructor(private readonly scriptPath: string) {
    const python = userPython();
    this.child = spawn(python, ['-c', HOST_SOURCE, path.resolve(scriptPath)], {
      stdio: ['pipe', 'pipe', 'inherit']
    }) as unknown as ChildProcessWithoutNullStreams;
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (text: string) => this.receive(text));
    this.child.on('error', error => this.stop(`cannot run ${python}: ${error.message}`));
    this.child.on('exit', (code, signal) => this.stop(`Python exited (${signal ?? code})`));
    this.child.stdin.on('error', () => undefined); // an exit is reported by the 'exit' event
    this.ready = this.take(1).then(([answer]) => {
      if (!('ready' in answer)) {
        throw this.loadError('fatal' in answer ? answer.fatal : JSON.stringify(answer));
      }
    });
    this.ready.catch(() => undefined); // reported to the first batch, if one comes
    this.setReferenced(false);
  }

  async preprocess(records: CaptureRecordInput[]): Promise<PreprocessorOutcome[]> {
    this.busy();
    try {
      await this.ready;
      this.child.stdin.write(records.map(({ line }) => line + '\n').join('') + '\n');
      const taken = this.answered.then(() => this.take(records.length));
      this.answered = taken.catch(() => undefined);
      const answers = await taken;
      return answers.map(answer => {
        if ('rows' in answer || 'error' in answer) {
          return answer;
        }
        throw new Error(`${this.scriptPath}: unexpected answer ${JSON.stringify(answer)}`);
      });
    } finally {
      this.idle();
    }
  }

  private take(count: number): Promise<Answer[]> {
    return new Promise<Answer[]>((resolve, reject) => {
      const settle = () => {
        if (this.answers.length >= count) {
          resolve(this.answers.splice(0, count));
        } else {
          reject(this.loadError(this.exited ?? 'no answer'));
        }
      };
      if (this.answers.length >= count || this.exited) {
        settle();
      } else {
        this.waiting = { count, resolve: settle };
      }
    });
  }

  private receive(text: string): void {
    const lines = (this.buffered + text).split('\n');
    this.buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        this.answers.push(JSON.parse(line) as Answer);
      } catch {
        this.stop(`unexpected output on stdout: ${line.slice(0, 200)}`);
        this.child.kill();
        return;
      }
    }
    if (this.waiting && this.answers.length >= this.waiting.count) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve();
    }
  }

  private stop(why: string): void {
    this.exited ??= why;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve();
  }

  private loadError(why: string): UsageError {
    return new UsageError(`preprocessor ${this.scriptPath}: ${why}`);
  }

  private busy(): void {
    if (this.batchesInFlight++ === 0) {
      this.setReferenced(true);
    }
  }

  private idle(): void {
    if (--this.batchesInFlight === 0) {
      this.setReferenced(false);
    }
  }

  /**
   * With no batch in flight the process must not keep the engine alive (it ends when the engine
   * does, its stdin closing); with one, it must, or the engine could exit awaiting its answers.
   */
  private setReferenced(referenced: boolean): void {
    const stdout = this.child.stdout as unknown as { ref(): void; unref(): void };
    if (referenced) {
      this.child.ref();
      stdout.ref();
    } else {
      this.child.unref();
      stdout.unref();
    }
  }
}
