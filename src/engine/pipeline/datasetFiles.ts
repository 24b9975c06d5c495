/**
 * Which files of a dataset folder are read, and in which order: the same on every platform, so
 * the Node CLI and the browser profile a folder alike.
 */

/** Hidden files and Spark/Hadoop markers (`.x`, `_SUCCESS`, `*.crc`) are not data. */
export function isSkippedFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name.endsWith('.crc');
}

/** Lexicographic order of paths relative to the folder (`/`-separated): capture hours in time order. */
export function byRelativePath(a: { relative: string }, b: { relative: string }): number {
  return a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0;
}
