/**
 * The `model-monitor` command (bundled as dist/model-monitor.cjs): runs the CLI bundle beside it
 * with V8's code cache. Compiling the bundle and the functions a run calls is a fixed cost of every
 * run, most of a small input's time; the cache keeps their bytecode from one run to the next. It
 * is keyed by the bundle (see cacheFileFor), the command and Node's version, written by a run that
 * found none (or found it rejected), and any problem with it only means a run without it. One
 * cache per command, as a cache holds what the run that wrote it compiled: a monitor run reading the
 * cache a baseline run wrote would still compile all of its checks (about 5 % of a 100 MB run's
 * CPU).
 */
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

const BUNDLE = 'model-monitor-cli.cjs';

/**
 * The SHA-256 of the CLI bundle, hex, written in by scripts/build-cli.mjs: hashing the bundle here
 * would cost every run Node's crypto module and ~0.005 s of CPU. Absent (unbundled): no cache.
 */
declare const CLI_BUNDLE_SHA256: string | undefined;

const file = path.join(__dirname, BUNDLE);
const bundle = fs.openSync(file, 'r');
const cacheFile = cacheFileFor(fs.fstatSync(bundle));
const source = fs.readFileSync(bundle, 'utf8');
fs.closeSync(bundle);
const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  // At exit the cache also holds the functions this run compiled, not only the top level.
  process.once('exit', () => writeCache(cacheFile, script));
}
// The bundle runs as this module, so its `require.main === module` holds.
script.runInThisContext()(module.exports, require, module, file, __dirname);

/** `$MODEL_MONITOR_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME` or `~/.cache`. */
function cacheFileFor(read: fs.Stats): string | undefined {
  const configured = process.env.MODEL_MONITOR_CACHE_DIR;
  const built = typeof CLI_BUNDLE_SHA256 === 'string' ? CLI_BUNDLE_SHA256 : undefined;
  if (configured === '' || !built) {
    return undefined;
  }
  const dir =
    configured ??
    path.join(
      process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
      'jupyterlab-model-monitor'
    );
  // V8 checks a cache against the source's length, not its text: the name carries the build's hash
  // of it, and the size and time of the file read, so a bundle changed after the build gets a cache
  // of its own.
  const bundle = `${built.slice(0, 16)}-${read.size.toString(16)}-${Math.trunc(read.mtimeMs).toString(16)}`;
  return path.join(
    dir,
    `cli-${bundle}-${commandName()}-${process.version}-${process.arch}.v8cache`
  );
}

/** The command word (`baseline`, `model-quality`, …), or `other` for anything else. */
function commandName(): string {
  const word = process.argv[2] ?? '';
  return /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'other';
}

function readIfThere(cache: string): Buffer | undefined {
  try {
    return fs.readFileSync(cache);
  } catch {
    return undefined;
  }
}

/**
 * Written to a temporary name and renamed: runs at the same time never read half a file. Caches of
 * other bundles or Node versions not written for STALE_DAYS go, so upgrades do not pile them up
 * (one still in use is only written again).
 */
function writeCache(cache: string, compiled: vm.Script): void {
  const temporary = `${cache}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cache), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cache);
    removeStaleCaches(path.dirname(cache), path.basename(cache));
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // No folder to clean: the cache could not be made at all.
    }
  }
}

const STALE_DAYS = 30;

function removeStaleCaches(dir: string, current: string): void {
  const oldest = Date.now() - STALE_DAYS * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (name === current || !/^cli-.*\.v8cache$/.test(name)) {
      continue;
    }
    const file = path.join(dir, name);
    if (fs.lstatSync(file).mtimeMs < oldest) {
      fs.rmSync(file, { force: true });
    }
  }
}
