import { concatBytes } from '../io/bytes';
import { CancelledError } from '../errors';

/**
 * Reads a one-shot byte stream: its first bytes can be looked at (to detect the format) before
 * the whole is read, without reading anything twice or holding more than the looked-at head.
 */
export class StreamReader {
  constructor(stream: ReadableStream<Uint8Array>) {
    this._reader = stream.getReader();
  }

  /** At least `bytes` bytes from the start (fewer when the stream is shorter), kept for `chunks`. */
  async head(bytes: number): Promise<Uint8Array> {
    while (this._buffered < bytes) {
      const { done, value } = await this._reader.read();
      if (done) {
        break;
      }
      this._pending.push(value);
      this._buffered += value.length;
    }
    return concatBytes(this._pending);
  }

  /** The stream's chunks, the looked-at head first; stops (and cancels the stream) on abort. */
  async *chunks(signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    try {
      while (this._pending.length > 0) {
        yield this._pending.shift()!;
      }
      for (;;) {
        if (signal?.aborted) {
          throw new CancelledError();
        }
        const { done, value } = await this._reader.read();
        if (done) {
          return;
        }
        yield value;
      }
    } finally {
      void this._reader.cancel().catch(() => undefined);
    }
  }

  private readonly _reader: ReadableStreamDefaultReader<Uint8Array>;
  private _pending: Uint8Array[] = [];
  private _buffered = 0;
}
