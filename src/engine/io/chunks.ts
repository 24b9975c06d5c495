import { Utf8Decoder } from './utf8';

/**
 * The streaming input every reader takes: chunks of bytes (from a file stream, a browser `File`,
 * `fetch`) or of already-decoded text (tests, inline data).
 */
export type Chunk = Uint8Array | string;
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk>;

/**
 * Ends a source its reader may have left mid-way (a reader that fails stops pulling chunks): a
 * file's chunks close the file.
 */
export async function closeChunks(source: ChunkSource): Promise<void> {
  await (source as Partial<AsyncGenerator<Chunk>>).return?.(undefined);
}

/**
 * Decodes UTF-8 byte chunks to text chunks; a leading BOM is dropped (unless `stripBom` is false),
 * split characters are kept whole, invalid bytes become INVALID_UTF8 (see utf8.ts).
 */
export async function* decodeText(source: ChunkSource, stripBom = true): AsyncGenerator<string> {
  const decoder = new Utf8Decoder();
  let first = stripBom;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk);
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
      }
    }
    if (text.length > 0) {
      yield text;
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) {
    yield rest;
  }
}

/** Splits any text into chunks of at most `size` characters: lets tests prove chunk-boundary independence. */
export function* rechunk(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) {
    yield text.slice(i, i + size);
  }
}
