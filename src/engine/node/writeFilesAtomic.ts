import { promises as fs, rmSync } from 'fs';
import * as path from 'path';
import { openOutputFolder } from './confinedFiles';
import { makeOutputFolder, outputError } from './outputFolder';

/** Temporary files not yet renamed, so a cancelled run can remove them. */
const pending = new Set<string>();

/**
 * Writes every file to a hidden temporary name in `dir`, then renames them into place: a killed
 * run leaves no partial output file under the real name (rename is atomic within a folder).
 * The folder is opened once and written through (see openOutputFolder): a symlink put in its
 * place meanwhile cannot redirect the files.
 */
export async function writeFilesAtomic(dir: string, files: Record<string, string>): Promise<void> {
  await makeOutputFolder(dir);
  const temps: [string, string][] = [];
  let folder;
  try {
    folder = await openOutputFolder(dir);
    for (const [name, text] of Object.entries(files)) {
      const target = path.join(folder.path, name);
      const temp = path.join(folder.path, `.${name}.${process.pid}.${Date.now()}.tmp`);
      pending.add(temp);
      temps.push([temp, target]);
      await writeDurably(temp, text);
    }
    for (const [temp, target] of temps) {
      await fs.rename(temp, target);
      pending.delete(temp);
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
