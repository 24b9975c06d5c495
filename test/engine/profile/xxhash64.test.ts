import { xxh64, xxh64String, longBytes } from '../../../src/engine/profile/xxhash64';
import { toBigInt, u64 } from '../../../src/engine/profile/uint64';
import fc from 'fast-check';

const hex = (text: string, seed = 0) =>
  toBigInt(xxh64String(text, u64(0, seed)))
    .toString(16)
    .toUpperCase()
    .padStart(16, '0');

/** A straightforward BigInt XXH64, to cross-check the 32-bit-halves version. */
function referenceXxh64(bytes: Uint8Array, seed: bigint): bigint {
  const M = (1n << 64n) - 1n;
  const P1 = 0x9e3779b185ebca87n,
    P2 = 0xc2b2ae3d27d4eb4fn,
    P3 = 0x165667b19e3779f9n;
  const P4 = 0x85ebca77c2b2ae63n,
    P5 = 0x27d4eb2f165667c5n;
  const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M;
  const rd = (at: number, n: number) => {
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) {
      v = (v << 8n) | BigInt(bytes[at + i]);
    }
    return v;
  };
  const round = (acc: bigint, lane: bigint) => (rotl((acc + lane * P2) & M, 31n) * P1) & M;
  let i = 0;
  let h: bigint;
  const n = bytes.length;
  if (n >= 32) {
    const v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M];
    for (; i + 32 <= n; i += 32) {
      for (let l = 0; l < 4; l++) {
        v[l] = round(v[l], rd(i + 8 * l, 8));
      }
    }
    h = (rotl(v[0], 1n) + rotl(v[1], 7n) + rotl(v[2], 12n) + rotl(v[3], 18n)) & M;
    for (const x of v) {
      h = ((h ^ round(0n, x)) * P1 + P4) & M;
    }
  } else {
    h = (seed + P5) & M;
  }
  h = (h + BigInt(n)) & M;
  for (; i + 8 <= n; i += 8) {
    h = (rotl(h ^ round(0n, rd(i, 8)), 27n) * P1 + P4) & M;
  }
  if (i + 4 <= n) {
    h = (rotl(h ^ ((rd(i, 4) * P1) & M), 23n) * P2 + P3) & M;
    i += 4;
  }
  for (; i < n; i++) {
    h = (rotl(h ^ ((BigInt(bytes[i]) * P5) & M), 11n) * P1) & M;
  }
  h = ((h ^ (h >> 33n)) * P2) & M;
  h = ((h ^ (h >> 29n)) * P3) & M;
  return h ^ (h >> 32n);
}

describe('XXH64', () => {
  test('known vectors', () => {
    expect(hex('')).toBe('EF46DB3751D8E999');
    expect(hex('a')).toBe('D24EC4F1A98C6E5B');
    expect(hex('abc')).toBe('44BC2CF5AD770999');
    expect(hex('Nobody inspects the spammish repetition')).toBe('FBCEA83C8A378BF1');
  });

  test('matches a BigInt reference for any bytes and seed', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        (bytes, seed) => {
          const s = u64(Number(seed >> 32n), Number(seed & 0xffffffffn));
          expect(toBigInt(xxh64(bytes, s))).toBe(referenceXxh64(bytes, seed));
        }
      ),
      { numRuns: 300 }
    );
  });

  test('hashLong is XXH64 of the little-endian bytes', () => {
    expect(toBigInt(xxh64(longBytes(0n), u64(0, 42)))).toBe(referenceXxh64(new Uint8Array(8), 42n));
  });
});
