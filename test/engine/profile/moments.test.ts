import fc from 'fast-check';
import { Moments } from '../../../src/engine/profile/moments';
import { ExactSum } from '../../../src/engine/profile/exactSum';

function momentsOf(values: number[], integral = false): Moments {
  const m = new Moments();
  values.forEach(v => m.add(v, integral ? v : undefined));
  return m;
}

describe('Moments (Spark CentralMomentAgg, FORMATS.md §7.2)', () => {
  test('§6.3 vector: 1, 2, 3, 4', () => {
    const m = momentsOf([1, 2, 3, 4]);
    expect(m.sum(false)).toBe(10);
    expect(m.mean(false)).toBe(2.5);
    expect(m.stdDev()).toBe(1.118033988749895);
  });

  test('mean is sum / n, not the running average (fixture 2.31)', () => {
    // _c0 of the 2021 fixture: 24 ones, 21 twos, 55 threes in this order class.
    const values = [...Array(24).fill(1), ...Array(21).fill(2), ...Array(55).fill(3)];
    const m = momentsOf(values);
    expect(m.sum(false)).toBe(231);
    expect(m.mean(false)).toBe(2.31);
  });

  test('std_dev is NaN where Spark’s final merge overflows (|mean| ≥ ~1e154), as Deequ reports', () => {
    expect(momentsOf(Array(25).fill(1e200)).stdDev()).toBeNaN();
    expect(momentsOf([1e200, 3e200]).stdDev()).toBeNaN();
    expect(momentsOf(Array(25).fill(1e150)).stdDev()).toBe(0);
  });

  test('of -0.0 and 0.0, min and max keep the one seen first, as Spark compares them equal', () => {
    const first = (values: number[]) => {
      const m = momentsOf(values);
      return [Object.is(m.min, -0), Object.is(m.max, -0)];
    };
    expect(first([-0, 0])).toEqual([true, true]);
    expect(first([0, -0])).toEqual([false, false]);
    expect(first([0, -0, -1])).toEqual([false, false]);
    const merged = momentsOf([0]);
    merged.merge(momentsOf([-0]));
    expect(Object.is(merged.min, 0)).toBe(true);
    const sticky = momentsOf([1, NaN, 2]);
    expect([sticky.min, sticky.max]).toEqual([NaN, NaN]);
  });

  test('Fractional sums add doubles in row order', () => {
    expect(momentsOf([0.1, 0.2, 0.3]).sum(false)).toBe(0.1 + 0.2 + 0.3);
  });

  test('Integral sums are exact past 2^53', () => {
    const m = new Moments();
    m.add(2 ** 53, 2n ** 53n);
    m.add(1, 1);
    m.add(1, 1);
    expect(m.sum(true)).toBe(Number(2n ** 53n + 2n));
    expect(m.sum(false)).toBe(2 ** 53);
  });

  test('ExactSum wraps like a Java long', () => {
    const s = new ExactSum();
    s.add(2n ** 63n - 1n);
    s.add(1);
    expect(s.toDouble()).toBe(-(2 ** 63));
  });

  test('row-split merge equals one pass within float tolerance, and exactly for counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (values, cut) => {
          const at = cut % (values.length + 1);
          const merged = momentsOf(values.slice(0, at));
          merged.merge(momentsOf(values.slice(at)));
          const whole = momentsOf(values);
          expect(merged.n).toBe(whole.n);
          expect(merged.min).toBe(whole.min);
          expect(merged.max).toBe(whole.max);
          const scale = Math.max(1, ...values.map(Math.abs));
          expect(Math.abs(merged.sum(false) - whole.sum(false))).toBeLessThanOrEqual(
            1e-9 * scale * values.length
          );
          expect(Math.abs(merged.stdDev() - whole.stdDev())).toBeLessThanOrEqual(1e-6 * scale);
        }
      )
    );
  });

  test('toJSON / fromJSON round trip', () => {
    const m = momentsOf([1, 5, 9], true);
    const copy = Moments.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(copy.toJSON()).toEqual(m.toJSON());
    expect(Moments.fromJSON(JSON.parse(JSON.stringify(new Moments().toJSON()))).min).toBe(Infinity);
  });
});
