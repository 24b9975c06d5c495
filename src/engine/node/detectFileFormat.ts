import { DatasetFormat, detectFormat } from '../io/datasetFormat';
import { DataError } from '../errors';
import * as fs from 'fs';
import { openConfinedSync } from './confinedFiles';

const HEAD_BYTES = 64 * 1024;

/**
 * Reads a file's first bytes and detects its format from them and its name. Blocking reads, as
 * fileChunks' (a run detects the format of every file it reads).
 */
export async function detectFileFormat(file: string): Promise<DatasetFormat> {
  const fd = openConfinedSync(file);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytesRead = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const format = detectFormat(file, head);
    if (!format) {
      throw new DataError(`${file}: cannot tell its format; pass --dataset-format`);
    }
    return format;
  } finally {
    fs.closeSync(fd);
  }
}
