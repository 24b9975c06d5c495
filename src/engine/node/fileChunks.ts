import { DataError } from '../pipeline/errors';
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
    throw isSystemError(error) ? new DataError(`cannot read ${path}: ${error.message}`) : error;
  });
  const stream = handle.createReadStream({
    start: range.start,
    // createReadStream's end is inclusive.
    end: range.end === undefined ? undefined : range.end - 1,
    highWaterMark: chunkBytes
  });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      onBytes?.(bytes.length);
      yield bytes;
    }
  } catch (error) {
    throw isSystemError(error) ? new DataError(`cannot read ${path}: ${error.message}`) : error;
  } finally {
    stream.destroy(); // closes the handle (autoClose)
  }
}

function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}
