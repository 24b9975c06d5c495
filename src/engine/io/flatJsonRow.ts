/**
 * The fast path of the JSON lines reader: a line holding one flat object (scalar members, keys and
 * strings without escapes) read straight into its row of cell texts, as `parseRawJson` and
 * `cellText` would give it, reusing the key strings of the line before. The general parse builds an
 * object per line, a RawNumber per number and a new string per key, which the batcher then looks up
 * by content, cell by cell; most of a JSON lines run went there and to collecting that garbage.
 *
 * Anything else (nesting, escapes, and every syntax error) gives null: the caller then takes the
 * general path, which reads it the same way and words its errors.
 */
import { KeyedRow } from './keyedBatcher';
// The general parser's own grammar pieces, so both paths read a line alike.
import { NUMBER, PLAIN_STRING, skipSpace } from './rawJson';

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;

/**
 * The row of a flat-object line (cells: text, or null for JSON null), or null: see above.
 * `previous`: the keys of the line before. A line with the same keys in the same order gets that
 * very array (the batcher then places its cells by position), and any key written as the one at
 * the same place before is that string again, not a new one.
 */
export function flatJsonRow(line: string, previous: readonly string[] = []): KeyedRow | null {
  let pos = skipSpace(line, 0);
  if (line.charCodeAt(pos) !== OPEN) {
    return null;
  }
  const values: (string | null)[] = [];
  // Made at the first key that differs from `previous`; until then the keys are its prefix.
  let keys: string[] | null = null;
  pos = skipSpace(line, pos + 1);
  if (line.charCodeAt(pos) === CLOSE) {
    return skipSpace(line, pos + 1) === line.length ? { keys: [], values } : null;
  }
  for (;;) {
    const keyEnd = plainStringEnd(line, pos);
    if (keyEnd < 0) {
      return null;
    }
    const at = values.length;
    const same = isKeyAt(line, pos + 1, keyEnd, previous[at]);
    if (keys !== null || !same) {
      keys ??= previous.slice(0, at);
      const key = same ? previous[at] : line.slice(pos + 1, keyEnd);
      if (keys.includes(key)) {
        return null; // a repeated key: the general path keeps its last value
      }
      keys.push(key);
    }
    pos = skipSpace(line, keyEnd + 1);
    if (line.charCodeAt(pos) !== COLON) {
      return null;
    }
    pos = skipSpace(line, pos + 1);
    const valueEnd = scalarEnd(line, pos);
    if (valueEnd < 0) {
      return null;
    }
    values.push(cellOf(line, pos, valueEnd));
    pos = skipSpace(line, valueEnd);
    const c = line.charCodeAt(pos);
    if (c === CLOSE) {
      if (skipSpace(line, pos + 1) !== line.length) {
        return null;
      }
      const sameShape = keys === null && values.length === previous.length;
      return { keys: sameShape ? previous : (keys ?? previous.slice(0, values.length)), values };
    }
    if (c !== COMMA) {
      return null;
    }
    pos = skipSpace(line, pos + 1);
  }
}

/** Whether the string line[start, end) is `known`. */
function isKeyAt(line: string, start: number, end: number, known: string | undefined): boolean {
  return known !== undefined && known.length === end - start && line.startsWith(known, start);
}

/** The index of the closing quote of a string without escapes starting at `pos`, or -1. */
function plainStringEnd(s: string, pos: number): number {
  if (s.charCodeAt(pos) !== QUOTE) {
    return -1;
  }
  PLAIN_STRING.lastIndex = pos + 1;
  PLAIN_STRING.exec(s);
  const end = PLAIN_STRING.lastIndex;
  return s.charCodeAt(end) === QUOTE ? end : -1;
}

/** Where the scalar at `pos` ends (after a string's closing quote), or -1 when it is not one. */
function scalarEnd(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  if (c === QUOTE) {
    const end = plainStringEnd(s, pos);
    return end < 0 ? -1 : end + 1;
  }
  for (const word of LITERALS) {
    if (s.startsWith(word, pos)) {
      return pos + word.length;
    }
  }
  NUMBER.lastIndex = pos;
  const match = NUMBER.exec(s);
  return match && match[0].length > 0 ? pos + match[0].length : -1;
}

const LITERALS = ['true', 'false', 'null'];

/** A scalar's cell text, as `cellText` gives it: strings unquoted, numbers as written. */
function cellOf(s: string, start: number, end: number): string | null {
  if (s.charCodeAt(start) === QUOTE) {
    return s.slice(start + 1, end - 1);
  }
  const text = s.slice(start, end);
  return text === 'null' ? null : text;
}
