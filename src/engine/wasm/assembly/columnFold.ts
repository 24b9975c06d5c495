/**
 * Folds one column of a scanned batch into its profile state inside the core, for a column that
 * skips the value counts (mostly distinct values): per cell, its type vote, its HLL register, and
 * for a number the moments (Welford in row order, as profile/moments.ts updates them) and the
 * number itself, written out in row order for the KLL sketch. Bit for bit what
 * `ColumnProfile.addScanned` does for such a cell.
 *
 * The host lays out `state` (STATE_BYTES) and copies the profile's state in and out around a call:
 *   f64 n, avg, m2, sum, integral sum, min, max | i32 missing, integral, fractional, boolean,
 *   string (counted from 0) | u8 registers[512].
 */
import { BOOLEAN, FRACTIONAL, INTEGRAL, MISSING, TEXT } from './cellKinds';

const COUNTS = 56;
const REGISTERS = 76;
/** Number.MAX_SAFE_INTEGER: past it, JavaScript's exact sum turns to BigInt. */
const MAX_SAFE: f64 = 9007199254740991;

/**
 * Folds the cells [0, rows) of a column (kinds, values and slots as `scan` left them) and returns how
 * many it took: it stops at a TEXT cell, and at an integral whose sum would pass MAX_SAFE, leaving
 * those and the cells after them to JavaScript. Numbers go to `numbers`, one f64 each.
 */
export function foldColumn(
  kinds: usize,
  values: usize,
  slots: usize,
  rows: i32,
  state: usize,
  numbers: usize
): i32 {
  let n = load<f64>(state);
  let avg = load<f64>(state, 8);
  let m2 = load<f64>(state, 16);
  let sum = load<f64>(state, 24);
  let integralSum = load<f64>(state, 32);
  let low = load<f64>(state, 40);
  let high = load<f64>(state, 48);
  let missing = 0;
  let integral = 0;
  let fractional = 0;
  let boolean = 0;
  let string = 0;
  let count = 0;
  const registers = state + REGISTERS;
  let i = 0;
  for (; i < rows; i++) {
    const kind = load<u8>(kinds + i);
    if (kind === MISSING) {
      missing++;
      continue;
    }
    if (kind === TEXT) {
      break;
    }
    if (kind === INTEGRAL || kind === FRACTIONAL) {
      const x = load<f64>(values + ((<usize>i) << 3));
      if (kind === INTEGRAL) {
        const next = integralSum + x;
        if (!(abs(next) <= MAX_SAFE)) {
          break;
        }
        integralSum = next;
        integral++;
      } else {
        fractional++;
      }
      const n1 = n + 1;
      const delta = x - avg;
      const deltaN = delta / n1;
      avg += deltaN;
      m2 += delta * (delta - deltaN);
      n = n1;
      sum += x;
      // Of -0.0 and 0.0 the first seen stays, as in Moments.
      if (x < low) {
        low = x;
      }
      if (x > high) {
        high = x;
      }
      store<f64>(numbers + ((<usize>count) << 3), x);
      count++;
    } else if (kind === BOOLEAN) {
      boolean++;
    } else {
      string++;
    }
    const slot = load<i32>(slots + ((<usize>i) << 2));
    const register = registers + <usize>(slot >>> 8);
    const rank = <u8>(slot & 0xff);
    if (rank > load<u8>(register)) {
      store<u8>(register, rank);
    }
  }
  store<f64>(state, n);
  store<f64>(state, avg, 8);
  store<f64>(state, m2, 16);
  store<f64>(state, sum, 24);
  store<f64>(state, integralSum, 32);
  store<f64>(state, low, 40);
  store<f64>(state, high, 48);
  store<i32>(state + COUNTS, missing);
  store<i32>(state + COUNTS, integral, 4);
  store<i32>(state + COUNTS, fractional, 8);
  store<i32>(state + COUNTS, boolean, 12);
  store<i32>(state + COUNTS, string, 16);
  return i;
}
