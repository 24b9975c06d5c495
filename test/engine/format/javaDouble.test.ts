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
