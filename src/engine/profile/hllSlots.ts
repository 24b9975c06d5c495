/**
 * How the HLL turns a value into its register update, a slot: (register index << 8) | rank, where
 * for the value's XXH64 x (seed 42) the index is x >>> 55 and the rank nlz((x << 9) | 1 << 8) + 1
 * (Spark's update). One int32 for both lets the WebAssembly hasher answer without BigInt or a
 * memory read; `jsHllSlots` is the reference (and the fallback where WebAssembly is unavailable).
 */
import { xxh64DoubleInto, xxh64LongInto, xxh64StringInto } from './xxhash64';

export interface HllSlots {
  /** The slot of the UTF-8 bytes of `text`. */
  ofString(text: string): number;
  /** The slot of the Java long (hi:lo), hashed as its 8 little-endian bytes (Spark's hashLong). */
  ofLong(hi: number, lo: number): number;
  /** The slot of a double's Double.doubleToLongBits after Spark's normalisation. */
  ofDouble(value: number): number;
}

export const HLL_PRECISION = 9;
const SEED_HI = 0;
const SEED_LO = 42;
/** Each value's hash, [hi, lo]: reused so that hashing allocates nothing. */
const hash = new Int32Array(2);

/** The slot of the 64-bit hash (hi:lo). */
export function slotOfHash(hi: number, lo: number): number {
  const p = HLL_PRECISION;
  const wHi = (hi << p) | (lo >>> (32 - p));
  const wLo = (lo << p) | (1 << (p - 1));
  const rank = (wHi !== 0 ? Math.clz32(wHi) : 32 + Math.clz32(wLo)) + 1;
  return ((hi >>> (32 - p)) << 8) | rank;
}

export const jsHllSlots: HllSlots = {
  ofString(text: string): number {
    xxh64StringInto(text, SEED_HI, SEED_LO, hash);
    return slotOfHash(hash[0], hash[1]);
  },
  ofLong(hi: number, lo: number): number {
    xxh64LongInto(hi, lo, SEED_HI, SEED_LO, hash);
    return slotOfHash(hash[0], hash[1]);
  },
  ofDouble(value: number): number {
    xxh64DoubleInto(value, SEED_HI, SEED_LO, hash);
    return slotOfHash(hash[0], hash[1]);
  }
};
