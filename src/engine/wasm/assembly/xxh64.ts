/**
 * XXH64 (Collet) and the HLL++ register update of Deequ's ApproxCountDistinct (FORMATS.md §7.4),
 * shared by the engine's WebAssembly modules (xxhash64.ts, csvScan.ts). The TypeScript
 * `profile/xxhash64.ts` is the reference these must equal bit for bit.
 */

const P1: u64 = 0x9e3779b185ebca87;
const P2: u64 = 0xc2b2ae3d27d4eb4f;
const P3: u64 = 0x165667b19e3779f9;
const P4: u64 = 0x85ebca77c2b2ae63;
const P5: u64 = 0x27d4eb2f165667c5;

/** Deequ's seed. */
export const HLL_SEED: u64 = 42;
/** Precision: 2^9 = 512 registers. */
const HLL_P: u64 = 9;

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
export function hash(ptr: usize, length: usize, seed: u64): u64 {
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
export function slot(x: u64): i32 {
  const rank = <i32>clz<u64>((x << HLL_P) | (1 << (HLL_P - 1))) + 1;
  return ((<i32>(x >> (64 - HLL_P))) << 8) | rank;
}
