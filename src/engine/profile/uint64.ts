/** An unsigned 64-bit value as two unsigned 32-bit halves (the hash's result type). */
export interface U64 {
  readonly hi: number;
  readonly lo: number;
}

export function u64(hi: number, lo: number): U64 {
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

export function toBigInt(x: U64): bigint {
  return (BigInt(x.hi) << 32n) | BigInt(x.lo);
}
