/** Running the user's own programs: processor scripts and custom monitors. */
import { spawn } from 'child_process';

/** The Python that runs the user's scripts: the server and the magics set it to their own. */
export const PYTHON_ENV = 'MODEL_MONITOR_PYTHON';

export function userPython(): string {
  return process.env[PYTHON_ENV] || 'python3';
}

/** The end of what a program printed that a failure message quotes. */
const QUOTED_OUTPUT_CHARS = 600;

export interface ProgramEnd {
  /** The exit code; null when it ended by a signal or did not start. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why it did not start (spawn's error). */
  startError?: string;
  /** The last lines it printed. */
  lastOutput: string;
}

/**
 * Runs a program with its output copied to our stderr (the CLI's stdout is its summary); an
 * abort of `signal` stops it, and `onStop` too (a container to kill).
 */
export function runUserProgram(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  onStop?: () => void
): Promise<ProgramEnd> {
  return new Promise<ProgramEnd>(resolve => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastOutput = '';
    const copy = (chunk: Buffer) => {
      process.stderr.write(chunk);
      lastOutput = (lastOutput + chunk.toString('utf8')).slice(-QUOTED_OUTPUT_CHARS);
    };
    child.stdout.on('data', copy);
    child.stderr.on('data', copy);
    const stop = () => {
      child.kill('SIGTERM');
      onStop?.();
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', error =>
      resolve({ code: null, signal: null, startError: error.message, lastOutput })
    );
    child.on('close', (code, exitSignal) => {
      signal?.removeEventListener('abort', stop);
      resolve({ code, signal: exitSignal, lastOutput });
    });
  });
}
