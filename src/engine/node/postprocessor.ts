import { spawn } from 'child_process';
import * as path from 'path';
import { UsageError } from '../errors';
import HOST_SOURCE from './postprocessorHost.py';
import { PYTHON_ENV } from './pythonPreprocessor';

/**
 * Runs a SageMaker `post_analytics_processor_script` once a run has written its outputs, with the
 * container contract's environment (containerEnvironment.ts). What it prints goes to stderr: the
 * CLI's stdout is its summary. A failure is reported, and the run's outputs stay.
 */
export async function runPostprocessor(
  scriptPath: string,
  environment: Record<string, string>,
  signal?: AbortSignal
): Promise<void> {
  const python = process.env[PYTHON_ENV] || 'python3';
  const child = spawn(python, ['-c', HOST_SOURCE, path.resolve(scriptPath)], {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, ...environment },
    signal
  });
  const outcome = await new Promise<string | null>(resolve => {
    child.on('error', error => resolve(`cannot run ${python}: ${error.message}`));
    child.on('exit', (code, exitSignal) =>
      resolve(code === 0 ? null : `exited with ${exitSignal ?? `code ${code}`}`)
    );
  });
  if (outcome) {
    throw new UsageError(
      `post-analytics processor ${scriptPath} ${outcome}; the run's outputs are written`
    );
  }
}
