import * as path from 'path';
import { UsageError } from '../errors';
import HOST_SOURCE from './postprocessorHost.py';
import { runUserProgram, userPython } from './userProgram';

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
  const python = userPython();
  const args = ['-c', HOST_SOURCE, path.resolve(scriptPath)];
  const end = await runUserProgram(python, args, { ...process.env, ...environment }, signal);
  const outcome =
    end.startError !== undefined
      ? `cannot run ${python}: ${end.startError}`
      : end.code === 0
        ? null
        : `exited with ${end.signal ?? `code ${end.code}`}`;
  if (outcome) {
    throw new UsageError(
      `post-analytics processor ${scriptPath} ${outcome}; the run's outputs are written`
    );
  }
}
