/**
 * XXH64 (Collet), the hash Spark's and Deequ's HLL++ applies with seed 42 (FORMATS.md §7.4).
 * Standard XXH64 over little-endian input; Spark's hashLong is XXH64 of the 8 little-endian bytes.
 *
 * Every cell of every column is hashed, so this works on 32-bit halves in plain numbers and
 * allocates nothing per step: each 64-bit helper leaves its result in `rHi`/`rLo`.
 */
import { u64, U64 } from './uint64';

const P1_HI = 0x9e3779b1;
const P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d;
const P2_LO = 0x27d4eb4f;
const P3_HI = 0x165667b1;
const P3_LO = 0x9e3779f9;
const P4_HI = 0x85ebca77;
const P4_LO = 0xc2b2ae63;
const P5_HI = 0x27d4eb2f;
const P5_LO = 0x165667c5;
const TWO_32 = 4294967296;

let rHi = 0;
let rLo = 0;

function add64(ah: number, al: number, bh: number, bl: number): void {
  const lo = al + bl;
  rHi = (ah + bh + (lo >= TWO_32 ? 1 : 0)) >>> 0;
  rLo = lo >>> 0;
}

function sub64(ah: number, al: number, bh: number, bl: number): void {
  const lo = al - bl;
  rHi = (ah - bh - (lo < 0 ? 1 : 0)) >>> 0;
  rLo = lo >>> 0;
}

function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const mid = a1 * b0 + a0 * b1;
  const low = a0 * b0 + (mid % 65536) * 65536;
  const high = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / TWO_32);
  rHi = (high + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  rLo = low >>> 0;
}

/** Rotate left by 0 < r < 32. */
function rotl64(h: number, l: number, r: number): void {
  rHi = ((h << r) | (l >>> (32 - r))) >>> 0;
  rLo = ((l << r) | (h >>> (32 - r))) >>> 0;
}

/** rotl(acc + lane · P2, 31) · P1 */
function round(accH: number, accL: number, laneH: number, laneL: number): void {
  mul64(laneH, laneL, P2_HI, P2_LO);
  add64(accH, accL, rHi, rLo);
  rotl64(rHi, rLo, 31);
  mul64(rHi, rLo, P1_HI, P1_LO);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** XXH64 of `bytes[0, length)`. */
export function xxh64(bytes: Uint8Array, seed: U64, length = bytes.length): U64 {
  let offset = 0;
  let hH: number;
  let hL: number;
  if (length >= 32) {
    const v = new Uint32Array(8); // four accumulators as (hi, lo) pairs
    add64(seed.hi, seed.lo, P1_HI, P1_LO);
    add64(rHi, rLo, P2_HI, P2_LO);
    v[0] = rHi;
    v[1] = rLo;
    add64(seed.hi, seed.lo, P2_HI, P2_LO);
    v[2] = rHi;
    v[3] = rLo;
    v[4] = seed.hi;
    v[5] = seed.lo;
    sub64(seed.hi, seed.lo, P1_HI, P1_LO);
    v[6] = rHi;
    v[7] = rLo;
    for (; offset + 32 <= length; offset += 32) {
      for (let lane = 0; lane < 4; lane++) {
        const at = offset + lane * 8;
        round(v[2 * lane], v[2 * lane + 1], readU32(bytes, at + 4), readU32(bytes, at));
        v[2 * lane] = rHi;
        v[2 * lane + 1] = rLo;
      }
    }
    hH = 0;
    hL = 0;
    const rotations = [1, 7, 12, 18];
    for (let lane = 0; lane < 4; lane++) {
      rotl64(v[2 * lane], v[2 * lane + 1], rotations[lane]);
      add64(hH, hL, rHi, rLo);
      hH = rHi;
      hL = rLo;
    }
    for (let lane = 0; lane < 4; lane++) {
      round(0, 0, v[2 * lane], v[2 * lane + 1]);
      mul64((hH ^ rHi) >>> 0, (hL ^ rLo) >>> 0, P1_HI, P1_LO);
      add64(rHi, rLo, P4_HI, P4_LO);
      hH = rHi;
      hL = rLo;
    }
  } else {
    add64(seed.hi, seed.lo, P5_HI, P5_LO);
    hH = rHi;
    hL = rLo;
  }
  add64(hH, hL, 0, length);
  hH = rHi;
  hL = rLo;
  for (; offset + 8 <= length; offset += 8) {
    round(0, 0, readU32(bytes, offset + 4), readU32(bytes, offset));
    rotl64((hH ^ rHi) >>> 0, (hL ^ rLo) >>> 0, 27);
    mul64(rHi, rLo, P1_HI, P1_LO);
    add64(rHi, rLo, P4_HI, P4_LO);
    hH = rHi;
    hL = rLo;
  }
  if (offset + 4 <= length) {
    mul64(0, readU32(bytes, offset), P1_HI, P1_LO);
    rotl64((hH ^ rHi) >>> 0, (hL ^ rLo) >>> 0, 23);
    mul64(rHi, rLo, P2_HI, P2_LO);
    add64(rHi, rLo, P3_HI, P3_LO);
    hH = rHi;
    hL = rLo;
    offset += 4;
  }
  for (; offset < length; offset++) {
    mul64(0, bytes[offset], P5_HI, P5_LO);
    rotl64((hH ^ rHi) >>> 0, (hL ^ rLo) >>> 0, 11);
    mul64(rHi, rLo, P1_HI, P1_LO);
    hH = rHi;
    hL = rLo;
  }
  return avalanche(hH, hL);
}

/** h ^= h >>> 33; h *= P2; h ^= h >>> 29; h *= P3; h ^= h >>> 32 */
function avalanche(hH: number, hL: number): U64 {
  mul64(hH, (hL ^ (hH >>> 1)) >>> 0, P2_HI, P2_LO);
  hH = rHi;
  hL = rLo;
  mul64((hH ^ (hH >>> 29)) >>> 0, (hL ^ ((hL >>> 29) | (hH << 3))) >>> 0, P3_HI, P3_LO);
  return u64(rHi, (rLo ^ rHi) >>> 0);
}

const utf8 = new TextEncoder();
let scratch = new Uint8Array(256);

export function xxh64String(text: string, seed: U64): U64 {
  if (text.length * 3 > scratch.length) {
    scratch = new Uint8Array(text.length * 3);
  }
  const { written } = utf8.encodeInto(text, scratch);
  return xxh64(scratch, seed, written);
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
  const normalised = Number.isNaN(value) ? NaN : value === 0 ? 0 : value;
  new DataView(bytes.buffer).setFloat64(0, normalised, true);
  return bytes;
}
