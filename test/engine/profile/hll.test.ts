import fc from 'fast-check';
import { HyperLogLog } from '../../../src/engine/profile/hll';
import { u64 } from '../../../src/engine/profile/uint64';
import { doubleBytes, longBytes, xxh64 } from '../../../src/engine/profile/xxhash64';

function estimateOf(n: number, prefix = 'v'): number {
  const hll = new HyperLogLog();
  for (let i = 0; i < n; i++) {
    hll.addString(`${prefix}${i}`);
  }
  return hll.estimate();
}

describe('HyperLogLog++ (p = 9, XXH64 seed 42, FORMATS.md §7.4)', () => {
  test('empty and tiny sets are exact', () => {
    expect(new HyperLogLog().estimate()).toBe(0);
    expect(estimateOf(1)).toBe(1);
    expect(estimateOf(2)).toBe(2);
    expect(estimateOf(10)).toBe(10);
  });

  test('duplicates do not count', () => {
    const hll = new HyperLogLog();
    ['a', 'b', 'a', 'a', 'b'].forEach(v => hll.addString(v));
    expect(hll.estimate()).toBe(2);
  });

  test.each([100, 1000, 2000, 3000, 20000, 100000])(
    '%i distinct values within 4 standard errors',
    n => {
      const estimate = estimateOf(n);
      expect(Math.abs(estimate - n) / n).toBeLessThan(4 * (1.04 / Math.sqrt(512)));
    }
  );

  test('the raw text is hashed: "3" and "3.0" differ', () => {
    const hll = new HyperLogLog();
    hll.addString('3');
    hll.addString('3.0');
    expect(hll.estimate()).toBe(2);
  });

  test('merge is the register-wise max, equal to one pass', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const whole = new HyperLogLog();
    for (let i = 0; i < 5000; i++) {
      (i % 3 === 0 ? a : b).addString(`x${i}`);
      whole.addString(`x${i}`);
    }
    a.merge(b);
    expect(a.registers).toEqual(whole.registers);
    expect(HyperLogLog.fromJSON(a.toJSON()).registers).toEqual(a.registers);
  });
});

describe('HyperLogLog long hashing without BigInt', () => {
  test('addSafeInteger = addLong of the same value', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeInteger().chain(x => fc.constantFrom(x, -x))), values => {
        const words = new HyperLogLog();
        const bigints = new HyperLogLog();
        values.forEach(x => {
          words.addSafeInteger(x);
          bigints.addLong(BigInt(x));
        });
        expect(words.toJSON()).toBe(bigints.toJSON());
      }),
      { numRuns: 200 }
    );
  });

  test('addLong and addDouble hash the 8 little-endian bytes', () => {
    const fromBytes = (bytes: Uint8Array) => {
      const hll = new HyperLogLog();
      hll.addHash(xxh64(bytes, u64(0, 42)));
      return hll.toJSON();
    };
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), fc.double(), (n, x) => {
        const long = new HyperLogLog();
        long.addLong(n);
        expect(long.toJSON()).toBe(fromBytes(longBytes(n)));
        const double = new HyperLogLog();
        double.addDouble(x);
        expect(double.toJSON()).toBe(fromBytes(doubleBytes(x)));
      }),
      { numRuns: 300 }
    );
  });
});
