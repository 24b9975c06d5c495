import { promises as fs } from 'fs';
import * as path from 'path';
import { byRelativePath, isSkippedFile } from '../pipeline/datasetFiles';

/**
 * The data files of a dataset path: the file itself, or every file under a folder in lexicographic
 * order of its path relative to the folder (`/`-separated), so capture hours read in time order.
 * Hidden files and Spark/Hadoop markers (`.x`, `_SUCCESS`, `*.crc`) are skipped.
 */
export async function walkFiles(
  root: string
): Promise<{ file: string; relative: string; size: number }[]> {
  const stat = await fs.stat(root);
  if (stat.isFile()) {
    return [{ file: root, relative: path.basename(root), size: stat.size }];
  }
  const found: { file: string; relative: string; size: number }[] = [];
  await walk(root, '', found);
  return found.sort(byRelativePath);
}

async function walk(
  dir: string,
  relative: string,
  found: { file: string; relative: string; size: number }[]
): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (isSkippedFile(entry.name)) {
      continue;
    }
    const full = path.join(dir, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      await walk(full, rel, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const stat = await fs.stat(full);
      if (stat.isFile()) {
        found.push({ file: full, relative: rel, size: stat.size });
      }
    }
  }
}
