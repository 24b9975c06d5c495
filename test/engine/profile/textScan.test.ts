import fc from 'fast-check';
import { scanText, TextScan } from '../../../src/engine/profile/textScan';
import { classifyText, parseNumericText } from '../../../src/engine/profile/typeInference';

/**
 * The reference: Deequ's regular expressions, then Spark's cast of the text (null for `- 5`; an
 * Integral is a long, which has no -0).
 */
function reference(text: string): TextScan {
  const type = classifyText(text);
  if (type === 'integral') {
    return { type, value: parseNumericText(text) + 0 };
  }
  return { type, value: type === 'fractional' ? parseNumericText(text) : NaN };
}

function scanned(text: string): TextScan {
  const out: TextScan = { type: 'string', value: NaN };
  scanText(text, out);
  return out;
}

/** Strings over the characters the grammar cares about, so most are near-numbers. */
const nearNumber = fc
  .array(
    fc.constantFrom(
      '0',
      '1',
      '5',
      '9',
      '007',
      '123456789',
      '.',
      'e',
      'E',
      '-',
      '+',
      ' ',
      'x',
      '\n',
      '٣'
    ),
    { maxLength: 12 }
  )
  .map(parts => parts.join(''));

/** Well-formed numbers of every shape: digits, fraction, exponent, sign and space. */
const numberText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.constantFrom('', ' '),
    fc.stringMatching(/^\d{1,25}$/),
    fc.option(fc.stringMatching(/^\d{1,20}$/)),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.nat(400)))
  )
  .map(
    ([sign, space, int, fraction, exponent]) =>
      `${sign}${space}${int}${fraction === null ? '' : `.${fraction}`}${
        exponent === null ? '' : `${exponent[0]}${exponent[1]}${exponent[2]}`
      }`
  );

describe('scanText = classifyText + parseNumericText (FORMATS.md §7.1)', () => {
  test.each([
    '3.0',
    '1e5',
    '-2.5E-3',
    '+7',
    '- 5',
    ' 5',
    '5 ',
    '.5',
    '1.',
    '-0',
    '-0.0',
    '0.1',
    '1e22',
    '1e23',
    '123456789012345',
    '1234567890123456789',
    '9007199254740993',
    '4.9e-324',
    '1e400',
    'true',
    'false',
    'TRUE',
    'NaN',
    'Infinity',
    '',
    ' ',
    '1,000',
    'abc'
  ])('%p', text => {
    const got = scanned(text);
    const want = reference(text);
    expect(got.type).toBe(want.type);
    expect(Object.is(got.value, want.value)).toBe(true);
  });

  test('agrees on any text, near-number text and well-formed numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearNumber, numberText), text => {
        const got = scanned(text);
        const want = reference(text);
        expect(got.type).toBe(want.type);
        expect(Object.is(got.value, want.value)).toBe(true);
      }),
      { numRuns: 20000 }
    );
  });

  test('agrees on the decimal text of any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
        for (const text of [String(x), x.toExponential(), x.toFixed(5)]) {
          const got = scanned(text);
          expect(got.type).toBe(reference(text).type);
          expect(Object.is(got.value, reference(text).value)).toBe(true);
        }
      }),
      { numRuns: 5000 }
    );
  });
});
