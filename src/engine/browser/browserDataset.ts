/** A file or folder the browser profiles: its files in reading order, each opened when read. */
export interface BrowserDataset {
  /** The dataset's path (a file, or a folder of captures). */
  path: string;
  /** Its data files in the CLI's reading order (see pipeline/datasetFiles.ts). */
  files: DatasetFile[];
  /** A file's bytes, read once front to back. */
  open(file: string): Promise<ReadableStream<Uint8Array>>;
}

export interface DatasetFile {
  /** Its path: names it in diagnostics and tells its format by extension. */
  name: string;
  size: number;
}
