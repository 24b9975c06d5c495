/**
 * The WebAssembly module's input area: the memory from `inputStart()` on, where a value's bytes are
 * written before a call. Grown, and viewed anew, when a value needs more room.
 */
import { growMemoryTo } from './wasmMemory';
import { Xxhash64Exports } from './xxhash64Module';

const utf8 = new TextEncoder();

export class WasmInput {
  readonly start: number;
  private bytes: Uint8Array;

  constructor(
    private readonly memory: WebAssembly.Memory,
    start: number
  ) {
    this.start = start;
    this.bytes = new Uint8Array(memory.buffer, start);
  }

  static of(exports: Xxhash64Exports): WasmInput {
    return new WasmInput(exports.memory, exports.inputStart());
  }

  /**
   * Writes the UTF-8 bytes of `text` exactly as TextEncoder makes them (a lone surrogate becomes
   * U+FFFD) and returns their length. ASCII text, the usual cell, is copied char by char, which is
   * much cheaper than TextEncoder for short strings.
   */
  writeString(text: string): number {
    const n = text.length;
    if (n * 3 > this.bytes.length) {
      this.reserve(n * 3);
    }
    const bytes = this.bytes;
    let high = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      high |= c;
      bytes[i] = c;
    }
    return high < 0x80 ? n : utf8.encodeInto(text, bytes).written;
  }

  /** Copies `source` to the start of the area. */
  writeBytes(source: Uint8Array): void {
    if (source.length > this.bytes.length) {
      this.reserve(source.length);
    }
    this.bytes.set(source);
  }

  private reserve(length: number): void {
    growMemoryTo(this.memory, this.start + length);
    this.bytes = new Uint8Array(this.memory.buffer, this.start);
  }
}
