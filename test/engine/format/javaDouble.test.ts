import fc from 'fast-check';
import { formatJavaDouble } from '../../../src/engine/format/javaDouble';

describe('formatJavaDouble (Java Double.toString, FORMATS.md §6.2)', () => {
  test.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [2048, '2048.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0.000999, '9.99E-4'],
    [0.001, '0.001'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [3.8e7, '3.8E7'],
    [12345678.9, '1.23456789E7'],
    [-3.208758170289026, '-3.208758170289026'],
    [0.64, '0.64'],
    [1e-10, '1.0E-10'],
    [123.456, '123.456'],
    [1e21, '1.0E21'],
    [1.5e300, '1.5E300'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity']
  ])('%p → %s', (x, expected) => {
    expect(formatJavaDouble(x)).toBe(expected);
  });
});

describe('formatJavaDouble in plain notation (1e-3 ≤ |x| < 1e7)', () => {
  /** Java's layout of the shortest digits d1…dn·10^e, built from toExponential as the reference. */
  function plainFromDigits(x: number): string {
    const [mantissa, exp] = Math.abs(x).toExponential().split('e');
    const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
    const point = Number(exp) + 1;
    const sign = x < 0 ? '-' : '';
    if (point <= 0) {
      return `${sign}0.${'0'.repeat(-point)}${digits}`;
    }
    if (point >= digits.length) {
      return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
    }
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }

  test('equals the digits laid out as Java lays them out', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 1e-3, max: 1e7, maxExcluded: true, noNaN: true }),
          fc.double({ min: -1e7, max: -1e-3, minExcluded: true, noNaN: true }),
          fc.integer({ min: -9999999, max: 9999999 }).filter(n => n !== 0)
        ),
        x => {
          expect(formatJavaDouble(x)).toBe(plainFromDigits(x));
        }
      ),
      { numRuns: 20000 }
    );
  });
});
