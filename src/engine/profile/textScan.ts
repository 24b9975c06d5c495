/**
 * The type vote and numeric value of a text cell in one pass over its characters: the fast path of
 * `classifyText` + `parseNumericText` (typeInference.ts), which run three regular expressions and a
 * string replace per cell. A property test proves it equivalent to those reference functions.
 *
 * The grammar is Deequ's (FORMATS.md §7.1): `[-+]? ?digits`, then optionally `.digits`, then
 * optionally `[Ee][-+]?digits`; a fraction or an exponent makes it Fractional.
 */
import { hasSeparatedSign, parseNumericText, ValueType } from './typeInference';

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const UPPER_E = 69;
const LOWER_E = 101;

/** Up to this many significant digits a decimal mantissa is an exact double (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** 10^0 … 10^22, the powers of ten that are exact doubles. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Result of `scanText`: the vote, and the number for numeric votes. */
export interface TextScan {
  type: ValueType;
  /** The value `parseNumericText` gives (NaN for non-numeric votes, and `- 5`). */
  value: number;
}

/**
 * Classifies `text` and parses it when numeric, into `out` (reused by the caller: no allocation).
 *
 * Numbers with at most 15 digits and a decimal exponent within ±22 are computed as one exact
 * multiplication or division of two exact doubles, which IEEE rounds correctly, so the result is
 * the same double `Number()` gives (Clinger's fast path); anything else goes to `Number()`.
 */
export function scanText(text: string, out: TextScan): void {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === MINUS;
  if (negative || c === PLUS) {
    c = text.charCodeAt(++i);
  }
  if (c === SPACE) {
    c = text.charCodeAt(++i);
  }
  const intStart = i;
  let mantissa = 0;
  while (c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    c = text.charCodeAt(++i);
  }
  let digits = i - intStart;
  if (digits === 0) {
    notNumeric(text, out);
    return;
  }
  if (i === n) {
    out.type = 'integral';
    // `+ 0` turns -0 to 0: an integer is a long to Spark, which has no -0.
    out.value = (digits <= EXACT_DIGITS ? signed(mantissa, negative) : parseNumericText(text)) + 0;
    castLikeSpark(text, out);
    return;
  }
  let scale = 0;
  if (c === DOT) {
    const fractionStart = ++i;
    c = text.charCodeAt(i);
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      c = text.charCodeAt(++i);
    }
    scale = i - fractionStart;
    if (scale === 0) {
      notNumeric(text, out);
      return;
    }
    digits += scale;
  }
  let exponent = 0;
  if (i < n) {
    const e = scanExponent(text, i);
    if (e === null) {
      notNumeric(text, out);
      return;
    }
    exponent = e;
  }
  out.type = 'fractional';
  out.value =
    digits <= EXACT_DIGITS && Math.abs(exponent - scale) <= 22
      ? signed(scaled(mantissa, exponent - scale), negative)
      : parseNumericText(text);
  castLikeSpark(text, out);
}

/** A numeric vote whose text Spark cannot cast (`- 5`) keeps its vote and has no number. */
function castLikeSpark(text: string, out: TextScan): void {
  if (hasSeparatedSign(text)) {
    out.value = NaN;
  }
}

/**
 * The exponent of `[Ee][-+]?digits` running from `i` to the end of `text`, or null when the rest is
 * not that. Exponents too long to matter exactly are returned as ±Infinity (the caller then falls
 * back to `Number()`).
 */
function scanExponent(text: string, i: number): number | null {
  let c = text.charCodeAt(i);
  if (c !== UPPER_E && c !== LOWER_E) {
    return null;
  }
  c = text.charCodeAt(++i);
  const negative = c === MINUS;
  if (negative || c === PLUS) {
    c = text.charCodeAt(++i);
  }
  const start = i;
  let value = 0;
  while (c >= ZERO && c <= NINE) {
    value = value * 10 + (c - ZERO);
    c = text.charCodeAt(++i);
  }
  if (i === start || i !== text.length) {
    return null;
  }
  return negative ? -value : value;
}

function scaled(mantissa: number, power: number): number {
  return power < 0 ? mantissa / EXACT_POWERS[-power] : mantissa * EXACT_POWERS[power];
}

function signed(x: number, negative: boolean): number {
  return negative ? -x : x;
}

function notNumeric(text: string, out: TextScan): void {
  out.type = text === 'true' || text === 'false' ? 'boolean' : 'string';
  out.value = NaN;
}
