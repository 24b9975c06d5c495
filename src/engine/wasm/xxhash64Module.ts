/**
 * The engine's WebAssembly XXH64 module (assembly/xxhash64.ts), about 1 KB, instantiated from bytes
 * bundled in the code (see instantiateWasm.ts).
 */
import { instantiateWasm } from './instantiateWasm';
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
  return instantiateWasm<Xxhash64Exports>(XXHASH64_WASM_BASE64);
}
