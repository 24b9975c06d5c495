import { promises as fs, rmSync } from 'fs';
import * as path from 'path';
import { openOutputFolder } from './confinedFiles';
import { makeOutputFolder, outputError } from './outputFolder';
import type { OutputFiles } from '../pipeline/runtime';

/** Temporary files not yet renamed, so a cancelled run can remove them. */
const pending = new Set<string>();

/**
 * Writes every file to a hidden temporary name in `dir`, then renames them into place: a killed
 * run leaves no partial output file under the real name (rename is atomic within a folder).
 * Names given null are removed once the others are in place. The folder is opened once and
 * written through (see openOutputFolder): a symlink put in its place meanwhile cannot redirect
 * the files.
 */
export async function writeFilesAtomic(dir: string, files: OutputFiles): Promise<void> {
  await makeOutputFolder(dir);
  const temps: [string, string][] = [];
  let folder;
  try {
    folder = await openOutputFolder(dir);
    for (const [name, text] of Object.entries(files)) {
      if (text === null) {
        continue;
      }
      const target = path.join(folder.path, name);
      const temp = tempPath(folder.path, name);
      pending.add(temp);
      temps.push([temp, target]);
      await writeDurably(temp, text);
    }
    for (const [temp, target] of temps) {
      await fs.rename(temp, target);
      pending.delete(temp);
    }
    for (const [name, text] of Object.entries(files)) {
      if (text === null) {
        await fs.rm(path.join(folder.path, name), { force: true });
      }
    }
  } catch (error) {
    throw outputError(dir, error);
  } finally {
    for (const [temp] of temps) {
      if (pending.delete(temp)) {
        await fs.rm(temp, { force: true });
      }
    }
    await folder?.close();
  }
}

/** A hidden name beside `name` for the file while it is written (removed if the run is cut). */
function tempPath(folder: string, name: string): string {
  return path.join(folder, `.${name}.${process.pid}.${Date.now()}.tmp`);
}

async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temporary files of writes that were interrupted (called on SIGINT before exiting). */
export function removePendingSync(): void {
  for (const temp of pending) {
    rmSync(temp, { force: true });
  }
  pending.clear();
}

const LINE_BUFFER_CHARS = 1 << 16;

/**
 * Writes the file `name` in `dir` from the lines `produce` hands to its writer, streaming (a
 * buffer of about 64 K characters is held), to a temporary name renamed into place when `produce`
 * ends; if it throws, no file is left under the real name.
 */
export async function writeLinesAtomic<T>(
  dir: string,
  name: string,
  produce: (writeLine: (line: string) => Promise<void>) => Promise<T>
): Promise<T> {
  await makeOutputFolder(dir);
  const folder = await openOutputFolder(dir).catch(error => {
    throw outputError(dir, error);
  });
  const temp = tempPath(folder.path, name);
  pending.add(temp);
  try {
    const handle = await fs.open(temp, 'w');
    let buffer: string[] = [];
    let chars = 0;
    const flush = async (): Promise<void> => {
      await handle.write(buffer.join(''));
      buffer = [];
      chars = 0;
    };
    try {
      const result = await produce(async line => {
        buffer.push(line, '\n');
        chars += line.length + 1;
        if (chars >= LINE_BUFFER_CHARS) {
          await flush();
        }
      });
      await flush();
      await handle.sync();
      await handle.close();
      await fs.rename(temp, path.join(folder.path, name));
      pending.delete(temp);
      return result;
    } finally {
      await handle.close().catch(() => undefined);
    }
  } finally {
    if (pending.delete(temp)) {
      await fs.rm(temp, { force: true });
    }
    await folder.close();
  }
}
