/**
 * Custom monitoring (SageMaker's "bring your own container"): the user's program analyses the
 * data with SageMaker's container contract (environment and folders, containerEnvironment.ts)
 * and writes its reports to `output_path`; its statistics.json and constraint_violations.json,
 * when written, are checked as SageMaker's files and read back like ours.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import * as fs from 'fs/promises';
import * as path from 'path';
import { readViolations, validateDocument } from '../documents/read';
import { STATISTICS_FILE, VIOLATIONS_FILE } from '../documents/fileNames';
import { ContainerRun, containerEnvironment } from '../pipeline/containerEnvironment';
import { CancelledError, DataError, UsageError } from '../errors';
import { outsideRootReason, readConfinedText } from './confinedFiles';
import { runUserProgram, userPython } from './userProgram';

export interface CustomMonitorOptions extends ContainerRun {
  /** A program under the user's control: a `.py` script (run by Python) or an executable. */
  command?: string[];
  /** Or a container image, run with Docker or Podman. */
  image?: string;
  signal?: AbortSignal;
}

export interface CustomMonitorSummary {
  command: 'custom';
  outputs: string[];
  /** Entries of constraint_violations.json; absent when the program wrote none. */
  violations?: number;
  elapsedMs: number;
}

export interface Invocation {
  program: string;
  args: string[];
  env: Record<string, string>;
  /** A container's name, to stop it if the run is cancelled. */
  containerName?: string;
}

/** Where SageMaker's containers find their inputs and put their outputs. */
export const CONTAINER_PATHS = {
  dataset: '/opt/ml/processing/input/endpoint',
  output: '/opt/ml/processing/resultdata',
  baselineStatistics: '/opt/ml/processing/baseline/stats/statistics.json',
  baselineConstraints: '/opt/ml/processing/baseline/constraints/constraints.json',
  metrics: '/opt/ml/output/metrics/cloudwatch'
} as const;

export async function runCustomMonitor(
  options: CustomMonitorOptions,
  engine: string = containerEngineFromPath()
): Promise<CustomMonitorSummary> {
  const started = Date.now();
  for (const dir of [options.outputDir, options.metricsDir]) {
    if (dir) {
      await fs.mkdir(dir, { recursive: true });
    }
  }
  for (const given of [options.dataset, options.outputDir, options.metricsDir]) {
    const reason = given && (await outsideRootReason(given));
    if (reason) {
      throw new DataError(`${given}: ${reason}`);
    }
  }
  const invocation = options.image
    ? containerInvocation(options, engine)
    : programInvocation(options);
  const { program, args, env, containerName } = invocation;
  const stopContainer = containerName
    ? () => spawn(engine, ['kill', containerName], { stdio: 'ignore' }).on('error', () => undefined)
    : undefined;
  const end = await runUserProgram(program, args, env, options.signal, stopContainer);
  if (options.signal?.aborted) {
    throw new CancelledError();
  }
  if (end.startError !== undefined || end.code !== 0) {
    const exit =
      end.startError !== undefined
        ? `an error: cannot run ${program}: ${end.startError}`
        : (end.code ?? `signal ${end.signal}`);
    const what = options.image ?? options.command?.[0];
    const said = end.lastOutput.trim().split('\n').slice(-5).join('\n');
    throw new DataError(`custom monitor ${what} exited with ${exit}${said ? `: ${said}` : ''}`);
  }
  return { ...(await checkedOutputs(options.outputDir)), elapsedMs: Date.now() - started };
}

/** A script or executable, with the contract's environment and the run's own paths. */
export function programInvocation(options: CustomMonitorOptions): Invocation {
  const [program, ...args] = options.command ?? [];
  if (!program) {
    throw new UsageError('custom needs a program after -- (or --image IMAGE)');
  }
  const env = { ...(process.env as Record<string, string>), ...containerEnvironment(options) };
  if (program.toLowerCase().endsWith('.py')) {
    return { program: userPython(), args: [program, ...args], env };
  }
  return { program: path.resolve(program), args, env };
}

/**
 * `docker run` (or podman) of the image with SageMaker's folders mounted: the data read-only, the
 * output folder and the metrics folder writable, the baseline files read-only where given.
 */
export function containerInvocation(options: CustomMonitorOptions, engine: string): Invocation {
  const inside: ContainerRun = {
    ...options,
    dataset: CONTAINER_PATHS.dataset,
    outputDir: CONTAINER_PATHS.output,
    baselineStatistics: options.baselineStatistics && CONTAINER_PATHS.baselineStatistics,
    baselineConstraints: options.baselineConstraints && CONTAINER_PATHS.baselineConstraints,
    metricsDir: options.metricsDir && CONTAINER_PATHS.metrics
  };
  const mounts: [string | undefined, string, string][] = [
    [options.dataset, CONTAINER_PATHS.dataset, 'ro'],
    [options.outputDir, CONTAINER_PATHS.output, 'rw'],
    [options.baselineStatistics, CONTAINER_PATHS.baselineStatistics, 'ro'],
    [options.baselineConstraints, CONTAINER_PATHS.baselineConstraints, 'ro'],
    [options.metricsDir, CONTAINER_PATHS.metrics, 'rw']
  ];
  const name = `model-monitor-${process.pid}-${Date.now()}`;
  const args = ['run', '--rm', '--name', name];
  for (const [host, container, mode] of mounts) {
    if (host) {
      args.push('--volume', `${path.resolve(host)}:${container}:${mode}`);
    }
  }
  for (const [key, value] of Object.entries(containerEnvironment(inside))) {
    args.push('--env', `${key}=${value}`);
  }
  args.push(options.image!, ...(options.command ?? []));
  return { program: engine, args, env: process.env as Record<string, string>, containerName: name };
}

/** Docker, else Podman, as found on PATH (the name; spawn looks it up). */
export function containerEngineFromPath(): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  for (const name of ['docker', 'podman']) {
    if (dirs.some(dir => dir && existsSync(path.join(dir, name)))) {
      return name;
    }
  }
  return 'docker';
}

/** The reports SageMaker's readers use, checked; a malformed one fails the run, naming it. */
async function checkedOutputs(outputDir: string) {
  const outputs: string[] = [];
  let violations: number | undefined;
  for (const name of [STATISTICS_FILE, VIOLATIONS_FILE]) {
    const file = path.join(outputDir, name);
    if (!existsSync(file)) {
      continue;
    }
    const text = await readConfinedText(file); // the program may have left a symlink there
    const issues = validateDocument(text, name);
    if (issues.length > 0) {
      throw new DataError(`${file}: ${issues[0].path}: ${issues[0].message}`);
    }
    outputs.push(file);
    if (name === VIOLATIONS_FILE) {
      violations = readViolations(text, name).violations.length;
    }
  }
  return {
    command: 'custom' as const,
    outputs,
    ...(violations === undefined ? {} : { violations })
  };
}
