/**
 * The engine's XXH64 module: XXH64 and HLL slots of bytes, longs and doubles (see xxh64.ts).
 *
 * Nothing here allocates: input bytes are written by the host at `inputStart()` and results go back
 * as i32 values, so no call needs BigInt on the JavaScript side.
 */
import { hash, HLL_SEED, slot } from './xxh64';

/** The last `xxh64` result, read by the host as two u32 halves at `resultStart()`. */
const result = memory.data(8, 8);

/** Where the host writes input bytes; everything from here to the end of memory is free. */
export function inputStart(): usize {
  return (__heap_base + 7) & ~7;
}

/** Where `xxh64` leaves its result: low u32, then high u32. */
export function resultStart(): usize {
  return result;
}

/** XXH64 with seed (seedHi:seedLo) of the `length` bytes at `ptr`, stored at `resultStart()`. */
export function xxh64(ptr: usize, length: usize, seedHi: u32, seedLo: u32): void {
  store<u64>(result, hash(ptr, length, ((<u64>seedHi) << 32) | seedLo));
}

/** The HLL slot (index << 8 | rank) of the `length` bytes at `ptr`. */
export function hllSlotOfBytes(ptr: usize, length: usize): i32 {
  return slot(hash(ptr, length, HLL_SEED));
}

/** The HLL slot of a Java long (hi:lo): XXH64 of its 8 little-endian bytes (Spark's hashLong). */
export function hllSlotOfLong(hi: u32, lo: u32): i32 {
  const at = inputStart();
  store<u64>(at, ((<u64>hi) << 32) | lo);
  return slot(hash(at, 8, HLL_SEED));
}

/**
 * The HLL slot of a double: its Double.doubleToLongBits after Spark's normalisation (-0.0 → 0.0,
 * one NaN).
 */
export function hllSlotOfDouble(value: f64): i32 {
  const bits: u64 = isNaN(value) ? 0x7ff8000000000000 : value === 0 ? 0 : reinterpret<u64>(value);
  return hllSlotOfLong(<u32>(bits >> 32), <u32>bits);
}
