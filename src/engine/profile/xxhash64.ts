/**
 * XXH64 (Collet), the hash Spark's and Deequ's HLL++ applies with seed 42 (FORMATS.md §7.4).
 * Standard XXH64 over little-endian input; Spark's hashLong is XXH64 of the 8 little-endian bytes.
 *
 * The engine hashes with the WebAssembly build of the same algorithm (../wasm/); this is the
 * reference its tests compare with, and the fallback where WebAssembly is unavailable.
 *
 * Every new value of every column is hashed, so the hot path avoids BigInt and allocation: 64-bit
 * values are (hi, lo) pairs of signed 32-bit integers held in local variables (int32 values stay
 * unboxed, where uint32 ones above 2^31 would become heap numbers once stored), and the only helper
 * that must return two words, `mul`, leaves them in a preallocated Int32Array.
 */
import { u64, U64 } from './uint64';

const P1_HI = 0x9e3779b1 | 0;
const P1_LO = 0x85ebca87 | 0;
const P2_HI = 0xc2b2ae3d | 0;
const P2_LO = 0x27d4eb4f | 0;
const P3_HI = 0x165667b1 | 0;
const P3_LO = 0x9e3779f9 | 0;
const P4_HI = 0x85ebca77 | 0;
const P4_LO = 0xc2b2ae63 | 0;
const P5_HI = 0x27d4eb2f | 0;
const P5_LO = 0x165667c5 | 0;
const TWO_32 = 4294967296;

/** The product left by `mul`: [hi, lo]. */
const product = new Int32Array(2);

/**
 * (ah:al) · (bh:bl) mod 2^64 into `product`. The low words' full 64-bit product is built from
 * 16-bit limbs so every partial sum stays an exact double (< 2^50); the cross terms only matter
 * mod 2^32, which Math.imul gives.
 */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const mid = a1 * b0 + a0 * b1;
  const carry = Math.floor((mid * 65536 + a0 * b0) / TWO_32);
  product[0] = (a1 * b1 + carry + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
  product[1] = Math.imul(al, bl);
}

/** High word of (ah:al) + (bh:bl); the low word is simply (al + bl) | 0. */
function addHi(ah: number, al: number, bh: number, bl: number): number {
  return (ah + bh + ((al >>> 0) + (bl >>> 0) >= TWO_32 ? 1 : 0)) | 0;
}

function readU32(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
}

/** The running hash [hi, lo] after the 32-byte stripes (or the seed's start for short input). */
const state = new Int32Array(2);
/** The four stripe accumulators as (hi, lo) pairs. */
const lanes = new Int32Array(8);
const LANE_ROTATIONS = [1, 7, 12, 18];

/**
 * XXH64 of `bytes[0, length)` with seed (seedHi:seedLo), written to `out` as [hi, lo] (signed
 * 32-bit words). Allocates nothing.
 */
export function xxh64Into(
  bytes: Uint8Array,
  length: number,
  seedHi: number,
  seedLo: number,
  out: Int32Array
): void {
  let offset = 0;
  if (length >= 32) {
    offset = hashStripes(bytes, length, seedHi, seedLo);
  } else {
    state[0] = addHi(seedHi, seedLo, P5_HI, P5_LO);
    state[1] = (seedLo + P5_LO) | 0;
  }
  let hH = addHi(state[0], state[1], 0, length);
  let hL = (state[1] + length) | 0;
  for (; offset + 8 <= length; offset += 8) {
    roundOf(0, 0, readU32(bytes, offset + 4), readU32(bytes, offset));
    const xH = hH ^ product[0];
    const xL = hL ^ product[1];
    // rotl 27, · P1, + P4
    mul((xH << 27) | (xL >>> 5), (xL << 27) | (xH >>> 5), P1_HI, P1_LO);
    hH = addHi(product[0], product[1], P4_HI, P4_LO);
    hL = (product[1] + P4_LO) | 0;
  }
  if (offset + 4 <= length) {
    mul(0, readU32(bytes, offset), P1_HI, P1_LO);
    const xH = hH ^ product[0];
    const xL = hL ^ product[1];
    // rotl 23, · P2, + P3
    mul((xH << 23) | (xL >>> 9), (xL << 23) | (xH >>> 9), P2_HI, P2_LO);
    hH = addHi(product[0], product[1], P3_HI, P3_LO);
    hL = (product[1] + P3_LO) | 0;
    offset += 4;
  }
  for (; offset < length; offset++) {
    mul(0, bytes[offset], P5_HI, P5_LO);
    const xH = hH ^ product[0];
    const xL = hL ^ product[1];
    // rotl 11, · P1
    mul((xH << 11) | (xL >>> 21), (xL << 11) | (xH >>> 21), P1_HI, P1_LO);
    hH = product[0];
    hL = product[1];
  }
  avalanche(hH, hL, out);
}

/** rotl(acc + lane · P2, 31) · P1, into `product`. */
function roundOf(accH: number, accL: number, laneH: number, laneL: number): void {
  mul(laneH, laneL, P2_HI, P2_LO);
  const sH = addHi(accH, accL, product[0], product[1]);
  const sL = (accL + product[1]) | 0;
  mul((sH << 31) | (sL >>> 1), (sL << 31) | (sH >>> 1), P1_HI, P1_LO);
}

/**
 * The 32-byte stripe loop and the merge of its four accumulators (inputs of 32 bytes or more),
 * leaving the state in `state`; returns the offset of the first byte left.
 */
function hashStripes(bytes: Uint8Array, length: number, seedHi: number, seedLo: number): number {
  const v = lanes;
  v[0] = addHi(seedHi, seedLo, P1_HI, P1_LO);
  v[1] = (seedLo + P1_LO) | 0;
  v[0] = addHi(v[0], v[1], P2_HI, P2_LO);
  v[1] = (v[1] + P2_LO) | 0;
  v[2] = addHi(seedHi, seedLo, P2_HI, P2_LO);
  v[3] = (seedLo + P2_LO) | 0;
  v[4] = seedHi;
  v[5] = seedLo;
  // seed − P1 = seed + (2^64 − P1)
  const negHi = ~P1_HI + (P1_LO === 0 ? 1 : 0);
  const negLo = (~P1_LO + 1) | 0;
  v[6] = addHi(seedHi, seedLo, negHi, negLo);
  v[7] = (seedLo + negLo) | 0;
  let offset = 0;
  for (; offset + 32 <= length; offset += 32) {
    for (let lane = 0; lane < 4; lane++) {
      const at = offset + lane * 8;
      roundOf(v[2 * lane], v[2 * lane + 1], readU32(bytes, at + 4), readU32(bytes, at));
      v[2 * lane] = product[0];
      v[2 * lane + 1] = product[1];
    }
  }
  let hH = 0;
  let hL = 0;
  for (let lane = 0; lane < 4; lane++) {
    const r = LANE_ROTATIONS[lane];
    const aH = v[2 * lane];
    const aL = v[2 * lane + 1];
    const rH = (aH << r) | (aL >>> (32 - r));
    const rL = (aL << r) | (aH >>> (32 - r));
    hH = addHi(hH, hL, rH, rL);
    hL = (hL + rL) | 0;
  }
  for (let lane = 0; lane < 4; lane++) {
    roundOf(0, 0, v[2 * lane], v[2 * lane + 1]);
    mul(hH ^ product[0], hL ^ product[1], P1_HI, P1_LO);
    hH = addHi(product[0], product[1], P4_HI, P4_LO);
    hL = (product[1] + P4_LO) | 0;
  }
  state[0] = hH;
  state[1] = hL;
  return offset;
}

/** h ^= h >>> 33; h *= P2; h ^= h >>> 29; h *= P3; h ^= h >>> 32, into `out`. */
function avalanche(hH: number, hL: number, out: Int32Array): void {
  mul(hH, hL ^ (hH >>> 1), P2_HI, P2_LO);
  const xH = product[0];
  const xL = product[1];
  mul(xH ^ (xH >>> 29), xL ^ ((xL >>> 29) | (xH << 3)), P3_HI, P3_LO);
  out[0] = product[0];
  out[1] = product[1] ^ product[0];
}

const utf8 = new TextEncoder();
let scratch = new Uint8Array(256);

/**
 * XXH64 of the UTF-8 bytes of `text`, into `out`. ASCII text (the usual cell) is copied byte for
 * byte into a reused buffer, which is much cheaper than TextEncoder for short strings; anything
 * else is encoded by TextEncoder.encodeInto.
 */
export function xxh64StringInto(text: string, seedHi: number, seedLo: number, out: Int32Array) {
  const n = text.length;
  if (n * 3 > scratch.length) {
    scratch = new Uint8Array(n * 3);
  }
  const bytes = scratch;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    high |= c;
    bytes[i] = c;
  }
  if (high < 0x80) {
    xxh64Into(bytes, n, seedHi, seedLo, out);
  } else {
    const { written } = utf8.encodeInto(text, bytes);
    xxh64Into(bytes, written, seedHi, seedLo, out);
  }
}

const longScratch = new Uint8Array(8);
const longView = new DataView(longScratch.buffer);

/** XXH64 of the 8 little-endian bytes of the 64-bit integer (hi:lo) (Spark's hashLong), into `out`. */
export function xxh64LongInto(
  hi: number,
  lo: number,
  seedHi: number,
  seedLo: number,
  out: Int32Array
): void {
  longView.setInt32(0, lo, true);
  longView.setInt32(4, hi, true);
  xxh64Into(longScratch, 8, seedHi, seedLo, out);
}

/** XXH64 of Java's Double.doubleToLongBits after Spark's normalisation, into `out`. */
export function xxh64DoubleInto(value: number, seedHi: number, seedLo: number, out: Int32Array) {
  longView.setFloat64(0, normalizeDouble(value), true);
  xxh64Into(longScratch, 8, seedHi, seedLo, out);
}

const result = new Int32Array(2);

/** XXH64 of `bytes[0, length)`. */
export function xxh64(bytes: Uint8Array, seed: U64, length = bytes.length): U64 {
  xxh64Into(bytes, length, seed.hi | 0, seed.lo | 0, result);
  return u64(result[0], result[1]);
}

export function xxh64String(text: string, seed: U64): U64 {
  xxh64StringInto(text, seed.hi | 0, seed.lo | 0, result);
  return u64(result[0], result[1]);
}

/** The 8 little-endian bytes of a 64-bit integer (Spark's hashLong input). */
export function longBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
  return bytes;
}

/** Java's Double.doubleToLongBits after Spark's normalisation (-0.0 → 0.0, one NaN). */
export function doubleBytes(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, normalizeDouble(value), true);
  return bytes;
}

function normalizeDouble(value: number): number {
  return Number.isNaN(value) ? NaN : value === 0 ? 0 : value;
}
