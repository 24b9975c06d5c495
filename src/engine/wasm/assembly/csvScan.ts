/**
 * The byte-level CSV core: splits quote-free lines of CSV into cells and, for each cell, gives
 * what the column profile needs without a JavaScript string: its type vote and number (Deequ's
 * grammar, as `profile/textScan.ts` computes them), its HLL slot (XXH64 of its bytes) and, on
 * request (`hashCells`: only columns that still count values need it), its value counts hash
 * (`profile/stringTable.ts`'s stringHash, which over ASCII is FNV-1a of the bytes).
 *
 * Lines the core does not take stop the scan where they start, for the JavaScript reader to read
 * from there: a line holding a quote or bytes that are not UTF-8, and a line whose field count is
 * not the batch's width. A non-ASCII cell, and a number outside the exact fast path, are left to
 * JavaScript as kind TEXT.
 *
 * Memory is laid out by the host: input bytes at `input`, and at `out` the cell arrays of a batch
 * (`capacity` = width × maxRows cells, column-major, cell c·maxRows + r):
 *   f64 values | i32 starts | i32 ends | i32 slots | i32 hashes | u8 kinds
 * (`scan` leaves the hashes to `hashCells`).
 */
import { BOOLEAN, FRACTIONAL, INTEGRAL, MISSING, STRING, TEXT } from './cellKinds';
import { hash, HLL_SEED, slot } from './xxh64';
import { BATCH_FULL, INPUT_END, NEED_MORE, SPECIAL_LINE } from './scanStops';

export { foldColumn } from './columnFold';
export { captureRows, captureStatusStart } from './captureLines';

const NEWLINE: u8 = 10;
const CR: u8 = 13;
const QUOTE: u8 = 34;
const COMMA: u8 = 44;
const PLUS: u8 = 43;
const MINUS: u8 = 45;
const SPACE: u8 = 32;
const DOT: u8 = 46;
const ZERO: u8 = 48;
const NINE: u8 = 57;
const UPPER_E: u8 = 69;
const LOWER_E: u8 = 101;

/** Up to this many significant digits a decimal mantissa is an exact double (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** Exponents with more digits than this are left to JavaScript. */
const MAX_EXPONENT_DIGITS = 9;

/** The scan's outcome, read by the host: bytes consumed, lines consumed, stop reason. */
const status = memory.data(12, 8);
/** Whether a line of the current scan holds a byte ≥ 0x80 (else no cell needs the ASCII check). */
let sawNonAscii = false;

/** 10^0 … 10^22, the powers of ten that are exact doubles. */
const POWERS = memory.data<f64>([
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22
]);

/** Where the host may lay out its input and cell arrays; all memory from here on is free. */
export function heapStart(): usize {
  return (__heap_base + 7) & ~7;
}

export function statusStart(): usize {
  return status;
}

/**
 * Scans lines of `input[0, length)` into cells until `maxRows` rows, a special line, or the end of
 * the complete lines (`eof`: the input ends there, so a last line without `\n` is a line too).
 * Returns the rows written; the status says where and why it stopped.
 */
export function scan(
  input: usize,
  length: i32,
  eof: bool,
  width: i32,
  maxRows: i32,
  out: usize
): i32 {
  const capacity = width * maxRows;
  const starts = out + 8 * capacity;
  const ends = starts + 4 * capacity;
  let pos = 0;
  let rows = 0;
  let lines = 0;
  let reason = INPUT_END;
  sawNonAscii = false;
  while (true) {
    if (rows === maxRows) {
      reason = BATCH_FULL;
      break;
    }
    const lineEnd = findLineEnd(input, pos, length, eof);
    if (lineEnd < 0) {
      reason = SPECIAL_LINE;
      break;
    }
    if (lineEnd >= length && !eof) {
      reason = NEED_MORE;
      break;
    }
    if (pos >= length) {
      break;
    }
    let stop = lineEnd;
    if (stop > pos && load<u8>(input + stop - 1) === CR) {
      stop--;
    }
    if (stop > pos) {
      if (splitLine(input, pos, stop, width, maxRows, rows, starts, ends) !== width) {
        reason = SPECIAL_LINE;
        break;
      }
      rows++;
    }
    lines++;
    pos = lineEnd + 1;
  }
  store<i32>(status, min(pos, length));
  store<i32>(status, lines, 4);
  store<i32>(status, reason, 8);
  classifyCells(input, width, maxRows, rows, out);
  return rows;
}

/**
 * Where the line at `pos` ends (its `\n`, or `length`), or -1 when it holds a quote or bytes that
 * are not UTF-8. Bytes are checked eight at a time while no byte of a word is a quote, a newline
 * or ≥ 0x80; a non-ASCII character is then checked as the WHATWG decoder would.
 */
function findLineEnd(input: usize, pos: i32, length: i32, eof: bool): i32 {
  let i = pos;
  while (i < length) {
    for (; i + 8 <= length; i += 8) {
      if (hasSpecialByte(load<u64>(input + i))) {
        break;
      }
    }
    const end = min(i + 8, length);
    for (; i < end; i++) {
      const c = load<u8>(input + i);
      if (c === NEWLINE) {
        return i;
      }
      if (c === QUOTE) {
        return -1;
      }
      if (c >= 0x80) {
        sawNonAscii = true;
        const size = utf8Length(input, i, length);
        if (size === CUT) {
          // The rest of the character is in the next chunk: the line is not complete yet.
          return eof ? -1 : length;
        }
        if (size === 0) {
          return -1;
        }
        i += size - 1;
      }
    }
  }
  return length;
}

/** `utf8Length` of a character whose bytes run past the end of the input. */
const CUT = -1;

/**
 * The byte length of the UTF-8 character at `i`, or 0 when the bytes there are not one (overlong
 * forms, surrogates and code points past U+10FFFF included, as TextDecoder's fatal mode rejects),
 * or CUT when its bytes so far are valid but the input ends before it does.
 */
function utf8Length(input: usize, i: i32, length: i32): i32 {
  const c = load<u8>(input + i);
  let size = 0;
  let low: u8 = 0x80;
  let high: u8 = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) {
    size = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    size = 3;
    if (c === 0xe0) {
      low = 0xa0;
    }
    if (c === 0xed) {
      high = 0x9f;
    }
  } else if (c >= 0xf0 && c <= 0xf4) {
    size = 4;
    if (c === 0xf0) {
      low = 0x90;
    }
    if (c === 0xf4) {
      high = 0x8f;
    }
  } else {
    return 0;
  }
  for (let k = 1; k < size; k++) {
    if (i + k >= length) {
      return CUT;
    }
    const next = load<u8>(input + i + k);
    if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) {
      return 0;
    }
  }
  return size;
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/** Whether a byte of `word` is `\n`, `"` or ≥ 0x80 (the classic zero-byte test, per byte value). */
function hasSpecialByte(word: u64): bool {
  const newline = word ^ (ONES * NEWLINE);
  const quote = word ^ (ONES * QUOTE);
  const zeros = ((newline - ONES) & ~newline) | ((quote - ONES) & ~quote);
  return ((zeros | word) & HIGHS) !== 0;
}

/**
 * Writes the cell bounds of line [from, to) as row `row`; returns its field count (counting stops
 * past `width`, and only the first `width` cells are written). Commas are found sixteen bytes at a
 * time, as a bit mask.
 */
function splitLine(
  input: usize,
  from: i32,
  to: i32,
  width: i32,
  maxRows: i32,
  row: i32,
  starts: usize,
  ends: usize
): i32 {
  let field = 0;
  let cellStart = from;
  let i = from;
  for (; i + 16 <= to; i += 16) {
    let commas = i8x16.bitmask(i8x16.eq(v128.load(input + i), i8x16.splat(COMMA)));
    while (commas !== 0) {
      const comma = i + ctz(commas);
      if (field >= width) {
        return field + 1;
      }
      storeCell(field * maxRows + row, cellStart, comma, starts, ends);
      field++;
      cellStart = comma + 1;
      commas &= commas - 1;
    }
  }
  for (; i <= to; i++) {
    if (i === to || load<u8>(input + i) === COMMA) {
      if (field >= width) {
        return field + 1;
      }
      storeCell(field * maxRows + row, cellStart, i, starts, ends);
      field++;
      cellStart = i + 1;
    }
  }
  return field;
}

function storeCell(cell: i32, start: i32, end: i32, starts: usize, ends: usize): void {
  store<i32>(starts + (cell << 2), start);
  store<i32>(ends + (cell << 2), end);
}

/** Fills kinds, numbers and slots of the batch's cells, column by column. */
function classifyCells(input: usize, width: i32, maxRows: i32, rows: i32, out: usize): void {
  const capacity = width * maxRows;
  const starts = out + 8 * capacity;
  const ends = starts + 4 * capacity;
  const slots = ends + 4 * capacity;
  const kinds = slots + 8 * capacity; // after the hashes
  for (let column = 0; column < width; column++) {
    for (let row = 0; row < rows; row++) {
      const cell = column * maxRows + row;
      const start = load<i32>(starts + (cell << 2));
      const end = load<i32>(ends + (cell << 2));
      if (start === end) {
        store<u8>(kinds + cell, MISSING);
        store<f64>(out + (cell << 3), NaN);
        continue;
      }
      const at = input + start;
      const length = end - start;
      if (sawNonAscii && !isAscii(at, length)) {
        store<u8>(kinds + cell, TEXT);
        store<f64>(out + (cell << 3), NaN);
        continue;
      }
      store<i32>(slots + (cell << 2), slot(hash(at, length, HLL_SEED)));
      store<u8>(kinds + cell, classify(at, length, out + (cell << 3)));
    }
  }
}

/** Non-ASCII cells are left to JavaScript (kind TEXT). */
function isAscii(at: usize, length: i32): bool {
  let high: u8 = 0;
  for (let i = 0; i < length; i++) {
    high |= load<u8>(at + i);
  }
  return high < 0x80;
}

/**
 * Writes the stringHash of each of `count` cells (kinds, bounds in `input` and hashes at these
 * addresses, as `scan` laid them out) that is neither missing nor TEXT: such a cell is ASCII.
 */
export function hashCells(
  input: usize,
  kinds: usize,
  starts: usize,
  ends: usize,
  hashes: usize,
  count: i32
): void {
  for (let i = 0; i < count; i++) {
    const kind = load<u8>(kinds + i);
    if (kind !== MISSING && kind !== TEXT) {
      const start = load<i32>(starts + ((<usize>i) << 2));
      const end = load<i32>(ends + ((<usize>i) << 2));
      store<i32>(hashes + ((<usize>i) << 2), stringHash(input + start, end - start));
    }
  }
}

/**
 * stringTable.ts's stringHash of an ASCII cell: FNV-1a over its characters (here its bytes),
 * h ^= h >>> 15, 0 → 1.
 */
function stringHash(at: usize, length: i32): i32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    h = (h ^ load<u8>(at + i)) * 0x01000193;
  }
  h ^= h >>> 15;
  return h === 0 ? 1 : <i32>h;
}

/** The byte at `i` of a cell of `length` bytes, 0 past its end. */
function byteAt(at: usize, i: i32, length: i32): u8 {
  return i < length ? load<u8>(at + i) : 0;
}

/**
 * The vote of the cell, its number stored at `value` (NaN when not numeric): textScan.ts's
 * `scanText`, with TEXT wherever that function would call `Number()`.
 */
function classify(at: usize, length: i32, value: usize): u8 {
  store<f64>(value, NaN);
  let i = 0;
  let c = byteAt(at, 0, length);
  const negative = c === MINUS;
  if (negative || c === PLUS) {
    c = byteAt(at, ++i, length);
  }
  if (c === SPACE) {
    if (i > 0) {
      // A sign parted from its digits (`- 5`): JavaScript counts its vote without a number.
      return TEXT;
    }
    c = byteAt(at, ++i, length);
  }
  const intStart = i;
  let mantissa: f64 = 0;
  while (c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + <f64>(c - ZERO);
    c = byteAt(at, ++i, length);
  }
  let digits = i - intStart;
  if (digits === 0) {
    return notNumeric(at, length);
  }
  if (i === length) {
    if (digits > EXACT_DIGITS) {
      return TEXT;
    }
    // An integer is a long to Spark, which has no -0.
    store<f64>(value, negative && mantissa !== 0 ? -mantissa : mantissa);
    return INTEGRAL;
  }
  let scale = 0;
  if (c === DOT) {
    const fractionStart = ++i;
    c = byteAt(at, i, length);
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + <f64>(c - ZERO);
      c = byteAt(at, ++i, length);
    }
    scale = i - fractionStart;
    if (scale === 0) {
      return notNumeric(at, length);
    }
    digits += scale;
  }
  let exponent = 0;
  if (i < length) {
    if (c !== UPPER_E && c !== LOWER_E) {
      return notNumeric(at, length);
    }
    c = byteAt(at, ++i, length);
    const negativeExponent = c === MINUS;
    if (negativeExponent || c === PLUS) {
      c = byteAt(at, ++i, length);
    }
    const exponentStart = i;
    while (c >= ZERO && c <= NINE) {
      exponent = exponent * 10 + <i32>(c - ZERO);
      if (i - exponentStart >= MAX_EXPONENT_DIGITS) {
        return TEXT;
      }
      c = byteAt(at, ++i, length);
    }
    if (i === exponentStart || i !== length) {
      return notNumeric(at, length);
    }
    if (negativeExponent) {
      exponent = -exponent;
    }
  }
  const power = exponent - scale;
  if (digits > EXACT_DIGITS || power > 22 || power < -22) {
    return TEXT;
  }
  const x =
    power < 0
      ? mantissa / load<f64>(POWERS + (-power << 3))
      : mantissa * load<f64>(POWERS + (power << 3));
  store<f64>(value, negative ? -x : x);
  return FRACTIONAL;
}

/** `true` and `false` are Boolean votes; any other non-numeric text is a String vote. */
function notNumeric(at: usize, length: i32): u8 {
  if (length === 4 && load<u32>(at) === 0x65757274) {
    return BOOLEAN;
  }
  if (length === 5 && load<u32>(at) === 0x736c6166 && load<u8>(at + 4) === 0x65) {
    return BOOLEAN;
  }
  return STRING;
}

/**
 * The commas in the `length` bytes at `at`, or -1 when one of them is a quote, a line break or
 * not ASCII (a capture payload the core cannot take as one CSV line).
 */
export function plainCommas(at: usize, length: i32): i32 {
  let commas = 0;
  for (let i = 0; i < length; i++) {
    const c = load<u8>(at + i);
    if (c === QUOTE || c === NEWLINE || c === CR || c >= 0x80) {
      return -1;
    }
    if (c === COMMA) {
      commas++;
    }
  }
  return commas;
}
