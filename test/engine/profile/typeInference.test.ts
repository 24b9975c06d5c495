import {
  classifyText,
  inferType,
  parseNumericText
} from '../../../src/engine/profile/typeInference';

describe('type votes (Deequ DataType, FORMATS.md §7.1)', () => {
  test.each([
    ['3.0', 'fractional'],
    ['1e5', 'fractional'],
    ['-2.5E-3', 'fractional'],
    ['+7', 'integral'],
    ['- 5', 'integral'],
    ['42', 'integral'],
    ['true', 'boolean'],
    ['false', 'boolean'],
    ['.5', 'string'],
    ['1.', 'string'],
    ['NaN', 'string'],
    ['Infinity', 'string'],
    ['1,000', 'string'],
    // FORMATS.md §7.1 lists ' 5' as String, but its own (Deequ's) pattern allows an optional space
    // without a sign; the pattern wins.
    [' 5', 'integral'],
    ['5 ', 'string'],
    ['+ 5.5', 'fractional'],
    ['TRUE', 'string'],
    ['abc', 'string']
  ])('%p is %s', (text, type) => {
    expect(classifyText(text)).toBe(type);
  });

  test('a sign parted from its digits is no number, as Spark casts it; a leading space is trimmed', () => {
    expect(parseNumericText('- 5')).toBeNaN();
    expect(parseNumericText('+ 2.5')).toBeNaN();
    expect(parseNumericText(' 5')).toBe(5);
    expect(parseNumericText('-5')).toBe(-5);
  });

  const counts = (
    c: Partial<Record<'integral' | 'fractional' | 'boolean' | 'string' | 'missing', number>>
  ) => ({
    integral: 0,
    fractional: 0,
    boolean: 0,
    string: 0,
    missing: 0,
    ...c
  });

  test('column types from votes', () => {
    expect(inferType(counts({ missing: 3 }))).toBe('Unknown');
    expect(inferType(counts({ integral: 3, missing: 1 }))).toBe('Integral');
    expect(inferType(counts({ integral: 3, fractional: 1 }))).toBe('Fractional');
    expect(inferType(counts({ integral: 3, string: 1 }))).toBe('String');
    expect(inferType(counts({ integral: 3, boolean: 1 }))).toBe('String');
    expect(inferType(counts({ boolean: 2 }))).toBe('String');
  });
});
