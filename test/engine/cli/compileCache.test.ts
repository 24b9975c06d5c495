/**
 * The launcher (dist/model-monitor.cjs) runs the CLI bundle with V8's code cache: the first run
 * writes it, later runs read it, and a cache that is bad or cannot be written changes nothing.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, CLI } from './cliRunner';

jest.setTimeout(120_000);

beforeAll(() => buildCli());

const dir = tempDir();
fs.writeFileSync(path.join(dir, 'data.csv'), 'a,b\n1,x\n2,y\n3,x\n');

function baseline(cacheDir: string, output: string, cli = CLI) {
  const result = spawnSync(
    process.execPath,
    [cli, 'baseline', '--dataset', 'data.csv', '--header', '--output', output],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, MODEL_MONITOR_CACHE_DIR: cacheDir } }
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return fs.readFileSync(path.join(dir, output, 'statistics.json'), 'utf8');
}

/** What a cache's name says of the bundle: its build's hash, then the file's size and time. */
function bundleKey(bundle: string, built?: string): string {
  const stat = fs.statSync(bundle);
  const hash =
    built ?? createHash('sha256').update(fs.readFileSync(bundle)).digest('hex').slice(0, 16);
  return `${hash}-${stat.size.toString(16)}-${Math.trunc(stat.mtimeMs).toString(16)}`;
}

const cacheFiles = (cacheDir: string) =>
  fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter(n => n.endsWith('.v8cache')) : [];

describe('the code cache', () => {
  const cacheDir = path.join(dir, 'cache');
  const plain = baseline('', 'no-cache');

  it('is written by the first run, named for the bundle, command and Node, and read by the next', () => {
    expect(cacheFiles(cacheDir)).toEqual([]);
    expect(baseline(cacheDir, 'first')).toBe(plain);
    const [name] = cacheFiles(cacheDir);
    expect(name).toBe(
      `cli-${bundleKey(path.join(path.dirname(CLI), 'model-monitor-cli.cjs'))}-baseline-` +
        `${process.version}-${process.arch}.v8cache`
    );
    const written = fs.statSync(path.join(cacheDir, name));
    expect(written.size).toBeGreaterThan(10_000);
    expect(baseline(cacheDir, 'second')).toBe(plain);
    // A run that used the cache leaves it as it was.
    expect(fs.statSync(path.join(cacheDir, name)).mtimeMs).toBe(written.mtimeMs);
  });

  it('of another command is a file of its own, written by its first run', () => {
    const [name] = cacheFiles(cacheDir);
    const baselineCache = fs.statSync(path.join(cacheDir, name));
    const result = spawnSync(process.execPath, [CLI, 'validate', 'first/statistics.json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, MODEL_MONITOR_CACHE_DIR: cacheDir }
    });
    expect(result.status).toBe(0);
    expect(cacheFiles(cacheDir).sort()).toEqual([name, name.replace('-baseline-', '-validate-')]);
    expect(fs.statSync(path.join(cacheDir, name)).mtimeMs).toBe(baselineCache.mtimeMs);
    fs.rmSync(path.join(cacheDir, name.replace('-baseline-', '-validate-')));
  });

  it('is replaced when V8 rejects it', () => {
    const [name] = cacheFiles(cacheDir);
    const file = path.join(cacheDir, name);
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    expect(baseline(cacheDir, 'rejected')).toBe(plain);
    expect(fs.readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('written anew removes caches of other bundles not written for 30 days', () => {
    const stale = path.join(cacheDir, 'cli-0123456789abcdef-v0.0.0-x64.v8cache');
    const recent = path.join(cacheDir, 'cli-fedcba9876543210-v0.0.0-x64.v8cache');
    const other = path.join(cacheDir, 'notes.v8cache.txt');
    for (const file of [stale, recent, other]) {
      fs.writeFileSync(file, 'old');
    }
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    fs.utimesSync(stale, longAgo, longAgo);
    fs.utimesSync(other, longAgo, longAgo);
    fs.rmSync(
      path.join(
        cacheDir,
        cacheFiles(cacheDir).find(n => !n.includes('v0.0.0'))!
      )
    );
    expect(baseline(cacheDir, 'pruned')).toBe(plain);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    expect(cacheFiles(cacheDir).filter(n => !n.includes('v0.0.0'))).toHaveLength(1);
  });

  it('of a bundle changed after the build is a file of its own', () => {
    const copy = path.join(dir, 'copied-launcher');
    const copyCache = path.join(dir, 'copied-cache');
    fs.mkdirSync(copy);
    for (const name of ['model-monitor.cjs', 'model-monitor-cli.cjs']) {
      fs.copyFileSync(path.join(path.dirname(CLI), name), path.join(copy, name));
    }
    const launcher = path.join(copy, 'model-monitor.cjs');
    expect(baseline(copyCache, 'copied', launcher)).toBe(plain);
    const [asBuilt] = cacheFiles(copyCache);
    fs.appendFileSync(path.join(copy, 'model-monitor-cli.cjs'), '\n// changed by hand\n');
    expect(baseline(copyCache, 'changed', launcher)).toBe(plain);
    const [changed] = cacheFiles(copyCache).filter(n => n !== asBuilt);
    // Named for the same build, and for the changed file's size and time.
    const built = asBuilt.split('-')[1];
    const changedKey = bundleKey(path.join(copy, 'model-monitor-cli.cjs'), built);
    expect(changed).toBe(asBuilt.replace(/^cli-\w+-\w+-\w+-/, `cli-${changedKey}-`));
  });

  it('that cannot be written leaves the run as it is', () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(baseline(blocked, 'blocked')).toBe(plain);
  });

  it('without MODEL_MONITOR_CACHE_DIR is kept in $XDG_CACHE_HOME/jupyterlab-model-monitor', () => {
    const home = path.join(dir, 'xdg');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: home };
    delete env.MODEL_MONITOR_CACHE_DIR;
    const args = ['baseline', '--dataset', 'data.csv', '--header', '--output', 'xdg-run'];
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env });
    expect(result.status).toBe(0);
    expect(cacheFiles(path.join(home, 'jupyterlab-model-monitor'))).toHaveLength(1);
  });

  it('is off with an empty MODEL_MONITOR_CACHE_DIR', () => {
    expect(fs.readdirSync(dir).filter(n => n.endsWith('.v8cache'))).toEqual([]);
  });
});
