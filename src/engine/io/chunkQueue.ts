import { concatBytes } from './bytes';
import { Chunk, ChunkSource } from './chunks';
import { MAX_RECORD_CHARS } from './readLimits';

const NEWLINE = 10;

/**
 * The input's chunks, taken one at a time; what was taken but not used goes back in front, so the
 * text reader can be handed everything from a given byte on.
 */
export class ChunkQueue {
  private readonly iterator: AsyncIterator<Chunk> | Iterator<Chunk>;
  private readonly front: Chunk[] = [];
  done = false;

  constructor(source: ChunkSource) {
    this.iterator =
      Symbol.asyncIterator in source
        ? (source as AsyncIterable<Chunk>)[Symbol.asyncIterator]()
        : (source as Iterable<Chunk>)[Symbol.iterator]();
  }

  unshift(chunk: Chunk): void {
    if (chunk.length > 0) {
      this.front.unshift(chunk);
    }
  }

  /**
   * The next chunk if it is bytes; null at the end (`done`) or when it is text (put back, for the
   * text reader).
   */
  async nextBytes(): Promise<Uint8Array | null> {
    const chunk = await this.next();
    if (chunk === null || typeof chunk !== 'string') {
      return chunk;
    }
    this.unshift(chunk);
    return null;
  }

  /**
   * Hands the next chunk to `append` if it is bytes ('appended'); 'end' at the end of the input;
   * 'text' when a decoded chunk comes next (left in front, for the text reader).
   */
  async appendNext(append: (chunk: Uint8Array) => void): Promise<'appended' | 'end' | 'text'> {
    const chunk = await this.nextBytes();
    if (chunk !== null) {
      append(chunk);
      return 'appended';
    }
    return this.done ? 'end' : 'text';
  }

  /** Bytes up to and including the first newline (or to the end); null when text comes first. */
  async bytesUntilNewline(): Promise<Uint8Array | null> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const chunk = await this.nextBytes();
      if (chunk !== null) {
        parts.push(chunk);
        length += chunk.length;
      }
      if (chunk === null || chunk.includes(NEWLINE) || length > MAX_RECORD_CHARS) {
        const bytes = concatBytes(parts);
        if (chunk === null && !this.done) {
          this.unshift(bytes);
          return null;
        }
        return bytes;
      }
    }
  }

  /** Everything not taken yet, as a chunk source. */
  async *rest(): AsyncGenerator<Chunk> {
    for (let chunk = await this.next(); chunk !== null; chunk = await this.next()) {
      yield chunk;
    }
  }

  private async next(): Promise<Chunk | null> {
    const front = this.front.shift();
    if (front !== undefined) {
      return front;
    }
    if (this.done) {
      return null;
    }
    const result = await this.iterator.next();
    if (result.done) {
      this.done = true;
      return null;
    }
    return result.value;
  }
}
