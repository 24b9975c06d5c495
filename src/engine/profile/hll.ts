/**
 * HyperLogLog++ as Deequ's ApproxCountDistinct computes it (FORMATS.md §7.4): p = 9, 512 registers,
 * XXH64 seed 42, Google's empirical bias correction under 5m, linear counting up to 400, no sparse
 * representation.
 */
import { wasmHllSlots } from '../wasm/wasmHllSlots';
import { BIAS_P9, RAW_ESTIMATES_P9 } from './hllBiasP9';
import { HLL_PRECISION, HllSlots, jsHllSlots, slotOfHash } from './hllSlots';
import { U64 } from './uint64';

const M = 1 << HLL_PRECISION;
const TWO_32 = 4294967296;
/** The WebAssembly hasher, else the JavaScript one (equal bit for bit). */
const DEFAULT_SLOTS = wasmHllSlots() ?? jsHllSlots;
const ALPHA_M2 = (0.7213 / (1 + 1.079 / M)) * M * M;
const LINEAR_COUNTING_THRESHOLD = 400;
const NEIGHBOURS = 6;

export class HyperLogLog {
  readonly registers = new Uint8Array(M);

  constructor(private readonly slots: HllSlots = DEFAULT_SLOTS) {}

  addString(text: string): void {
    this.addSlot(this.slots.ofString(text));
  }

  addLong(value: bigint): void {
    const wrapped = BigInt.asIntN(64, value);
    this.addLongWords(Number(wrapped >> 32n) | 0, Number(BigInt.asIntN(32, wrapped)));
  }

  /** A safe integer as a Java long, without BigInt. */
  addSafeInteger(value: number): void {
    const hi = Math.floor(value / TWO_32);
    this.addLongWords(hi | 0, (value - hi * TWO_32) | 0);
  }

  addDouble(value: number): void {
    this.addSlot(this.slots.ofDouble(value));
  }

  addHash(x: U64): void {
    this.addSlot(slotOfHash(x.hi | 0, x.lo | 0));
  }

  private addLongWords(hi: number, lo: number): void {
    this.addSlot(this.slots.ofLong(hi, lo));
  }

  /** The slot's register keeps the max of its ranks (Spark's update). */
  addSlot(slot: number): void {
    const index = slot >>> 8;
    const rank = slot & 0xff;
    if (rank > this.registers[index]) {
      this.registers[index] = rank;
    }
  }

  merge(other: HyperLogLog): void {
    for (let i = 0; i < M; i++) {
      this.registers[i] = Math.max(this.registers[i], other.registers[i]);
    }
  }

  estimate(): number {
    let zInverse = 0;
    let zeros = 0;
    for (const r of this.registers) {
      zInverse += 1 / 2 ** r;
      if (r === 0) {
        zeros++;
      }
    }
    const e = ALPHA_M2 / zInverse;
    const corrected = e < 5 * M ? e - estimateBias(e) : e;
    if (zeros > 0) {
      const h = M * Math.log(M / zeros);
      return javaRound(h <= LINEAR_COUNTING_THRESHOLD ? h : corrected);
    }
    return javaRound(corrected);
  }

  /** The 512 registers, two hex digits each. */
  toJSON(): string {
    return Array.from(this.registers, r => r.toString(16).padStart(2, '0')).join('');
  }

  static fromJSON(hex: string): HyperLogLog {
    const hll = new HyperLogLog();
    for (let i = 0; i < M; i++) {
      hll.registers[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16) || 0;
    }
    return hll;
  }
}

/** Mean bias of the 6 raw estimates nearest `e` (Spark's HyperLogLogPlusPlusHelper.estimateBias). */
function estimateBias(e: number): number {
  const estimates = RAW_ESTIMATES_P9;
  const n = estimates.length;
  const distance = (i: number) => (e - estimates[i]) ** 2;
  let low = Math.max(lowerBound(estimates, e) - NEIGHBOURS + 1, 0);
  let high = Math.min(low + NEIGHBOURS, n);
  while (high < n && distance(high) < distance(low)) {
    low++;
    high++;
  }
  let sum = 0;
  for (let i = low; i < high; i++) {
    sum += BIAS_P9[i];
  }
  return sum / (high - low);
}

/** Index of `x` in sorted `values`, else where it would be inserted (Arrays.binarySearch). */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Java's Math.round: floor(x + 0.5). */
function javaRound(x: number): number {
  return Math.floor(x + 0.5);
}
