/**
 * The engine's WebAssembly XXH64 module (assembly/xxhash64.ts), compiled and instantiated
 * synchronously from bytes bundled in the code: it is about 1 KB, under browsers' limit for
 * synchronous compilation on a main thread, so every runtime (Node CLI and its worker threads, the
 * browser worker, jest) has it at import time, with no file to find and no await.
 */
import { decodeBase64 } from '../io/base64';
import { XXHASH64_WASM_BASE64 } from './xxhash64Binary';

/** The module's exports; pointers and lengths are byte offsets into `memory`. */
export interface Xxhash64Exports {
  readonly memory: WebAssembly.Memory;
  /** Where the host writes input; the memory from here on is free. */
  inputStart(): number;
  /** Where `xxh64` leaves its result: low u32, then high u32. */
  resultStart(): number;
  xxh64(ptr: number, length: number, seedHi: number, seedLo: number): void;
  /** The HLL slot (see profile/hllSlots.ts) of the bytes at `ptr`. */
  hllSlotOfBytes(ptr: number, length: number): number;
  hllSlotOfLong(hi: number, lo: number): number;
  hllSlotOfDouble(value: number): number;
}

/** A new instance of the module; null where WebAssembly is missing or refused (a page's CSP). */
export function instantiateXxhash64(): Xxhash64Exports | null {
  if (typeof WebAssembly !== 'object') {
    return null;
  }
  try {
    const bytes = decodeBase64(XXHASH64_WASM_BASE64) as Uint8Array<ArrayBuffer>;
    const module = new WebAssembly.Module(bytes);
    return new WebAssembly.Instance(module, {}).exports as unknown as Xxhash64Exports;
  } catch {
    return null;
  }
}
