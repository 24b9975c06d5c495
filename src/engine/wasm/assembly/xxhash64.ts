/**
 * XXH64 (Collet) and the HLL++ register update of Deequ's ApproxCountDistinct (FORMATS.md §7.4),
 * compiled by AssemblyScript into the engine's WebAssembly module. The TypeScript
 * `profile/xxhash64.ts` is the reference this must equal bit for bit.
 *
 * Nothing here allocates: input bytes are written by the host at `inputStart()` and results go back
 * as i32 values, so no call needs BigInt on the JavaScript side.
 */

const P1: u64 = 0x9e3779b185ebca87;
const P2: u64 = 0xc2b2ae3d27d4eb4f;
const P3: u64 = 0x165667b19e3779f9;
const P4: u64 = 0x85ebca77c2b2ae63;
const P5: u64 = 0x27d4eb2f165667c5;

/** Deequ's seed. */
const HLL_SEED: u64 = 42;
/** Precision: 2^9 = 512 registers. */
const HLL_P: u64 = 9;

/** The last `xxh64` result, read by the host as two u32 halves at `resultStart()`. */
const result = memory.data(8, 8);

function round(acc: u64, lane: u64): u64 {
  return rotl<u64>(acc + lane * P2, 31) * P1;
}

function mergeRound(h: u64, acc: u64): u64 {
  return (h ^ round(0, acc)) * P1 + P4;
}

/** The 32-byte stripes and the merge of their four accumulators (input of 32 bytes or more). */
function stripes(ptr: usize, end: usize, seed: u64): u64 {
  let v1 = seed + P1 + P2;
  let v2 = seed + P2;
  let v3 = seed;
  let v4 = seed - P1;
  for (; ptr + 32 <= end; ptr += 32) {
    v1 = round(v1, load<u64>(ptr));
    v2 = round(v2, load<u64>(ptr, 8));
    v3 = round(v3, load<u64>(ptr, 16));
    v4 = round(v4, load<u64>(ptr, 24));
  }
  let h = rotl<u64>(v1, 1) + rotl<u64>(v2, 7) + rotl<u64>(v3, 12) + rotl<u64>(v4, 18);
  h = mergeRound(h, v1);
  h = mergeRound(h, v2);
  h = mergeRound(h, v3);
  return mergeRound(h, v4);
}

/** XXH64 of the `length` bytes at `ptr`. */
function hash(ptr: usize, length: usize, seed: u64): u64 {
  const end = ptr + length;
  let h: u64;
  if (length >= 32) {
    h = stripes(ptr, end, seed);
    ptr += length & ~31;
  } else {
    h = seed + P5;
  }
  h += <u64>length;
  for (; ptr + 8 <= end; ptr += 8) {
    h = rotl<u64>(h ^ round(0, load<u64>(ptr)), 27) * P1 + P4;
  }
  if (ptr + 4 <= end) {
    h = rotl<u64>(h ^ (<u64>load<u32>(ptr) * P1), 23) * P2 + P3;
    ptr += 4;
  }
  for (; ptr < end; ptr++) {
    h = rotl<u64>(h ^ (<u64>load<u8>(ptr) * P5), 11) * P1;
  }
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  return h ^ (h >> 32);
}

/** Register index (x >>> 55) << 8 | rank: nlz((x << 9) | 1 << 8) + 1 (Spark's update). */
function slot(x: u64): i32 {
  const rank = <i32>clz<u64>((x << HLL_P) | (1 << (HLL_P - 1))) + 1;
  return ((<i32>(x >> (64 - HLL_P))) << 8) | rank;
}

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
