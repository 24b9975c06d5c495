import {
  closeSync,
  constants,
  existsSync,
  openSync,
  promises as fs,
  readlinkSync,
  realpathSync
} from 'fs';
import { FileHandle } from 'fs/promises';
import * as path from 'path';
import { DataError } from '../errors';

/**
 * The Jupyter server runs the engine with this variable set to its root folder: every file the
 * engine reads, and the output folder it writes into, must then lie under that root once symlinks
 * are resolved. Worker threads share the process's environment, so they follow the same rule.
 */
export const CONFINE_ENV = 'MODEL_MONITOR_CONFINE_TO';

// Linux names an open file's current path here: checking it checks the file actually opened, so a
// path swapped for a symlink between a check and the open cannot redirect a read or a write.
const OPEN_FILES = '/proc/self/fd';
const hasOpenFileLinks = existsSync(OPEN_FILES);

/** The root the engine is confined to, or undefined when it may read and write anywhere. */
export function confinementRoot(): string | undefined {
  return process.env[CONFINE_ENV] || undefined;
}

let resolvedRoot: { root: string; real: string } | undefined;

/** The root with its symlinks resolved, once per root rather than once per file checked. */
function realRoot(root: string): string {
  if (resolvedRoot?.root !== root) {
    resolvedRoot = { root, real: realpathSync(root) };
  }
  return resolvedRoot.real;
}

/**
 * `openConfined` with blocking calls, returning a file descriptor: for engine threads, which do
 * nothing else while they open a file, and for which each trip through the thread pool left the
 * thread idle (see fileChunks).
 */
export function openConfinedSync(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const reason = outsideReasonOf(fd, file);
    if (reason) {
      throw new DataError(`${file}: ${reason}`);
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Opens `file` for reading, refusing it (DataError) when it resolves outside the root. */
export async function openConfined(file: string): Promise<FileHandle> {
  const handle = await fs.open(file, 'r');
  await refuseIfOutside(handle, file, reason => `${file}: ${reason}`);
  return handle;
}

/** A whole text file, read through `openConfined`. */
export async function readConfinedText(file: string): Promise<string> {
  const handle = await openConfined(file);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Why `file` may not be read (it resolves outside the root), or undefined when it may. */
export async function outsideRootReason(file: string): Promise<string | undefined> {
  const root = confinementRoot();
  if (root === undefined) {
    return undefined;
  }
  const real = await fs.realpath(file);
  return isUnder(real, realRoot(root)) ? undefined : outsideMessage(root);
}

/**
 * An open output folder: files are written relative to it (through its `/proc/self/fd` link on
 * Linux), so replacing the folder's path with a symlink while a run works cannot move the output.
 */
export interface OutputFolder {
  /** A path naming the opened folder, to join file names to. */
  readonly path: string;
  close(): Promise<void>;
}

export async function openOutputFolder(dir: string): Promise<OutputFolder> {
  const handle = await fs.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  await refuseIfOutside(
    handle,
    dir,
    reason => `cannot write to the output folder ${dir}: it ${reason}`
  );
  return {
    path: hasOpenFileLinks ? `${OPEN_FILES}/${handle.fd}` : dir,
    close: () => handle.close()
  };
}

/** Closes `handle` and throws a DataError (its message from `describe`) if it lies outside. */
async function refuseIfOutside(
  handle: FileHandle,
  file: string,
  describe: (reason: string) => string
): Promise<void> {
  try {
    const reason = outsideReasonOf(handle.fd, file);
    if (reason) {
      throw new DataError(describe(reason));
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Why the file open as `fd` (opened by the path `file`) lies outside the root, or undefined. The
 * check is of the descriptor, not of the path: a few blocking system calls, as opening files is.
 */
function outsideReasonOf(fd: number, file: string): string | undefined {
  const root = confinementRoot();
  if (root === undefined) {
    return undefined;
  }
  // Without /proc (macOS), the path resolved just after opening: a narrow window remains there.
  const real = hasOpenFileLinks ? readlinkSync(`${OPEN_FILES}/${fd}`) : realpathSync(file);
  return isUnder(real, realRoot(root)) ? undefined : outsideMessage(root);
}

function isUnder(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function outsideMessage(root: string): string {
  return `resolves outside ${root}, the folder this run is confined to (${CONFINE_ENV})`;
}
