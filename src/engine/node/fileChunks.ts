import * as fs from 'fs';
import { DataError } from '../errors';
import { openConfined } from './confinedFiles';

const CHUNK_BYTES = 1 << 16;

/**
 * Streams a file (or the byte range [start, end)) in chunks of `chunkBytes` (64 KiB by default:
 * readers that decode text keep more garbage with larger ones), reporting each chunk's size.
 */
export async function* fileChunks(
  path: string,
  range: { start?: number; end?: number },
  onBytes?: (n: number) => void,
  chunkBytes = CHUNK_BYTES
): AsyncGenerator<Uint8Array> {
  if (range.end !== undefined && range.end <= (range.start ?? 0)) {
    return;
  }
  const handle = await openConfined(path).catch(error => {
    throw readError(path, error);
  });
  const stream = handle.createReadStream({
    start: range.start,
    // createReadStream's end is inclusive.
    end: range.end === undefined ? undefined : range.end - 1,
    highWaterMark: chunkBytes
  });
  let first = !range.start;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      if (first) {
        refuseCompressed(path, bytes);
        first = false;
      }
      onBytes?.(bytes.length);
      yield bytes;
    }
  } catch (error) {
    throw readError(path, error);
  } finally {
    stream.destroy(); // closes the handle (autoClose)
  }
}

/**
 * A whole file in chunks of `chunkBytes` read with blocking reads into one buffer: each chunk is a
 * view of it, valid until the next. For one quick pass over a large file (the split before a
 * multi-worker run), where a stream's trip through the thread pool per chunk costs more than the
 * read itself (354 MB: ~0.19 s streamed, ~0.1 s so). The event loop gets a turn every
 * YIELD_EVERY_BYTES, so a cancel is seen within a few tens of milliseconds.
 */
export async function* blockingFileChunks(
  path: string,
  chunkBytes: number
): AsyncGenerator<Uint8Array> {
  const handle = await openConfined(path).catch(error => {
    throw readError(path, error);
  });
  const buffer = Buffer.allocUnsafe(chunkBytes);
  try {
    for (let offset = 0, sinceTurn = 0; ;) {
      const n = readAt(path, handle.fd, buffer, offset);
      if (n === 0) {
        return;
      }
      if (offset === 0) {
        refuseCompressed(path, buffer.subarray(0, n));
      }
      offset += n;
      sinceTurn += n;
      yield buffer.subarray(0, n);
      if (sinceTurn >= YIELD_EVERY_BYTES) {
        sinceTurn = 0;
        await new Promise(resolve => setImmediate(resolve));
      }
    }
  } finally {
    await handle.close();
  }
}

const YIELD_EVERY_BYTES = 64 << 20;

function readAt(path: string, fd: number, buffer: Buffer, position: number): number {
  try {
    return fs.readSync(fd, buffer, 0, buffer.length, position);
  } catch (error) {
    throw readError(path, error);
  }
}

/** A file-system error as a DataError naming the file; any other error as it is. */
function readError(path: string, error: unknown): unknown {
  return isSystemError(error) ? new DataError(`cannot read ${path}: ${error.message}`) : error;
}

function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * The engine reads plain files. Compressed ones decoded as text gave only "invalid UTF-8" or "no
 * rows could be read"; their magic bytes say what they are (each holds bytes no text starts with;
 * bzip2's "BZh" is left out, as a CSV header may start so).
 */
function refuseCompressed(path: string, head: Uint8Array): void {
  for (const [name, magic, tool] of COMPRESSED) {
    if (magic.every((byte, i) => head[i] === byte)) {
      throw new DataError(`${path}: the file is ${name}-compressed; decompress it first (${tool})`);
    }
  }
}

const COMPRESSED: [string, number[], string][] = [
  ['gzip', [0x1f, 0x8b], 'gunzip'],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd], 'zstd -d'],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'unxz'],
  ['zip', [0x50, 0x4b, 0x03, 0x04], 'unzip']
];
