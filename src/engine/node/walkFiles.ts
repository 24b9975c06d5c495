import { promises as fs } from 'fs';
import * as path from 'path';
import { byRelativePath, isSkippedFile } from '../pipeline/datasetFiles';
import { outsideRootReason } from './confinedFiles';

export interface DatasetFile {
  file: string;
  relative: string;
  size: number;
  /**
   * Why it cannot be read (a link to nothing, or to a file outside the confinement root): listed
   * so the run reports it and reads the rest.
   */
  unreadable?: string;
}

/**
 * The data files of a dataset path: the file itself, or every file under a folder in lexicographic
 * order of its path relative to the folder (`/`-separated), so capture hours read in time order.
 * Hidden files and Spark/Hadoop markers (`.x`, `_SUCCESS`, `*.crc`) are skipped.
 */
export async function walkFiles(root: string): Promise<DatasetFile[]> {
  const stat = await fs.stat(root);
  if (stat.isFile()) {
    return [{ file: root, relative: path.basename(root), size: stat.size }];
  }
  const found: DatasetFile[] = [];
  await walk(root, '', found, await outsideRootReason(root));
  return found.sort(byRelativePath);
}

/**
 * `folderOutside`: why the walked folder itself may not be read (it resolves outside the
 * confinement root). Inside it, only symbolic links can lead out: the walk does not follow
 * linked folders, so a plain file is where its folder is.
 */
async function walk(
  dir: string,
  relative: string,
  found: DatasetFile[],
  folderOutside: string | undefined
): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (isSkippedFile(entry.name)) {
      continue;
    }
    const full = path.join(dir, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      await walk(full, rel, found, folderOutside);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const stat = await fs.stat(full).catch((error: NodeJS.ErrnoException) => error);
      if (stat instanceof Error) {
        const unreadable = `cannot read (${stat.code ?? stat.message})`;
        found.push({ file: full, relative: rel, size: 0, unreadable });
      } else if (stat.isFile()) {
        const outside =
          folderOutside ?? (entry.isSymbolicLink() ? await outsideRootReason(full) : undefined);
        found.push({
          file: full,
          relative: rel,
          size: outside ? 0 : stat.size,
          unreadable: outside
        });
      }
    }
  }
}
