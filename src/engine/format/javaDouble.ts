/**
 * Java's `Double.toString` (JDK 19+, shortest round-trip digits), as the analyzer writes doubles
 * (FORMATS.md §6.2). NaN and the infinities are not JSON numbers; the JSON writer quotes them.
 */
export function formatJavaDouble(x: number): string {
  if (Number.isNaN(x)) {
    return 'NaN';
  }
  if (!Number.isFinite(x)) {
    return x > 0 ? 'Infinity' : '-Infinity';
  }
  if (x === 0) {
    return Object.is(x, -0) ? '-0.0' : '0.0';
  }
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    // JS writes this range in plain notation with the same shortest digits: only the ".0" of a
    // whole number differs. The common case, and many times cheaper than splitting digits.
    const text = String(x);
    return text.includes('.') ? text : `${text}.0`;
  }
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(abs);
  const fraction = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${fraction}E${exponent - 1}`;
}

/**
 * Digits d1…dn and exponent e with x = 0.d1…dn · 10^e, from JS's shortest round-trip form. Java
 * always shows two digits, and when one would do it picks the two-digit decimal nearest the exact
 * value: that differs from d.0 only for subnormals (4.9E-324, where JS says 5e-324).
 */
function shortestDigits(abs: number): { digits: string; exponent: number } {
  let [mantissa, exp] = abs.toExponential().split('e');
  if (!mantissa.includes('.')) {
    [mantissa, exp] = abs.toExponential(1).split('e');
  }
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exponent: Number(exp) + 1 };
}
