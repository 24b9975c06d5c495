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
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// The same plain run as rawJson.ts's: no quote, backslash or control character.
// eslint-disable-next-line no-control-regex
const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;

/**
 * The row of a flat-object line (key → cell text, null for JSON null), or null: see above.
 * `keys`: the keys of the line before, in order, updated here. A key written as the one at the same
 * place in the line before is that string again, not a new one: the batcher's lookups by name then
 * find it by identity, and no string is made for it.
 */
export function flatJsonRow(line: string, keys: string[] = []): Map<string, string | null> | null {
  let pos = skipSpace(line, 0);
  if (line.charCodeAt(pos) !== OPEN) {
    return null;
  }
  const row = new Map<string, string | null>();
  pos = skipSpace(line, pos + 1);
  if (line.charCodeAt(pos) === CLOSE) {
    return skipSpace(line, pos + 1) === line.length ? row : null;
  }
  for (;;) {
    const keyEnd = plainStringEnd(line, pos);
    if (keyEnd < 0) {
      return null;
    }
    const key = sameKey(line, pos + 1, keyEnd, keys[row.size]) ?? line.slice(pos + 1, keyEnd);
    keys[row.size] = key;
    pos = skipSpace(line, keyEnd + 1);
    if (line.charCodeAt(pos) !== COLON) {
      return null;
    }
    pos = skipSpace(line, pos + 1);
    const valueEnd = scalarEnd(line, pos);
    if (valueEnd < 0) {
      return null;
    }
    row.set(key, cellOf(line, pos, valueEnd));
    pos = skipSpace(line, valueEnd);
    const c = line.charCodeAt(pos);
    if (c === CLOSE) {
      return skipSpace(line, pos + 1) === line.length ? row : null;
    }
    if (c !== COMMA) {
      return null;
    }
    pos = skipSpace(line, pos + 1);
  }
}

function sameKey(
  line: string,
  start: number,
  end: number,
  known: string | undefined
): string | undefined {
  return known !== undefined && known.length === end - start && line.startsWith(known, start)
    ? known
    : undefined;
}

/** Where JSON whitespace from `pos` ends. */
function skipSpace(s: string, pos: number): number {
  let c = s.charCodeAt(pos);
  while (c === 32 || c === 10 || c === 13 || c === 9) {
    c = s.charCodeAt(++pos);
  }
  return pos;
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
