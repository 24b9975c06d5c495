import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'dist', 'model-monitor.cjs');

/** Builds dist/model-monitor.cjs and its worker with the real build script (about a second). */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build-cli.mjs')], {
    cwd: REPO,
    stdio: 'pipe'
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = REPO): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export function exitOf(
  child: ChildProcess
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
}
