import { setJsonProperty } from '../jsonProperty';

/**
 * A JSON parser that keeps number tokens as written. Type inference and distinct counts work on the
 * text (`3` and `3.0` differ: FORMATS.md §7.1), which `JSON.parse` would lose.
 */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type RawJson = null | boolean | string | RawNumber | RawJson[] | RawObject;
export interface RawObject {
  [key: string]: RawJson;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number
  ) {
    super(`${message} at position ${position}`);
  }
}

export function parseRawJson(text: string): RawJson {
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value();
  parser.skipSpace();
  if (parser.pos < text.length) {
    throw new JsonSyntaxError('unexpected text after the JSON value', parser.pos);
  }
  return value;
}

export function isRawObject(value: RawJson): value is RawObject {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof RawNumber)
  );
}

/** A scalar's cell text (numbers as written, booleans as `true`/`false`); nested values as compact JSON. */
export function cellText(value: RawJson): string | null {
  if (value === null) {
    return null;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (value instanceof RawNumber) {
    return value.text;
  }
  return stringifyRaw(value);
}

export function stringifyRaw(value: RawJson): string {
  if (value instanceof RawNumber) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return `[${value.map(stringifyRaw).join(',')}]`;
  }
  if (isRawObject(value)) {
    return `{${Object.keys(value)
      .map(k => `${JSON.stringify(k)}:${stringifyRaw(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A JSON number token (sticky: set lastIndex first). Shared with the fast path (flatJsonRow). */
export const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// A run of string characters needing no decoding; JSON forbids raw control characters in strings.
// eslint-disable-next-line no-control-regex
export const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;

/** Where JSON whitespace from `pos` ends. */
export function skipSpace(s: string, pos: number): number {
  let c = s.charCodeAt(pos);
  while (c === 32 || c === 10 || c === 13 || c === 9) {
    c = s.charCodeAt(++pos);
  }
  return pos;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  skipSpace(): void {
    this.pos = skipSpace(this.s, this.pos);
  }

  value(): RawJson {
    const c = this.s[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  private object(): RawObject {
    const result: RawObject = {};
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] !== '"') {
        throw new JsonSyntaxError('expected a property name', this.pos);
      }
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      const value = this.value();
      setJsonProperty(result, key, value);
      this.skipSpace();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}');
      return result;
    }
  }

  private array(): RawJson[] {
    const result: RawJson[] = [];
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      result.push(this.value());
      this.skipSpace();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(']');
      return result;
    }
  }

  private string(): string {
    const s = this.s;
    this.pos++;
    PLAIN_STRING.lastIndex = this.pos;
    PLAIN_STRING.exec(s);
    let end = PLAIN_STRING.lastIndex;
    if (s.charCodeAt(end) === 34) {
      const plain = s.slice(this.pos, end);
      this.pos = end + 1;
      return plain;
    }
    // Escapes or control characters: let the platform decode this one string exactly.
    end = this.pos;
    while (end < s.length && s.charCodeAt(end) !== 34) {
      end += s.charCodeAt(end) === 92 ? 2 : 1;
    }
    if (end >= s.length) {
      throw new JsonSyntaxError('unterminated string', this.pos - 1);
    }
    const literal = s.slice(this.pos - 1, end + 1);
    try {
      const decoded = JSON.parse(literal) as string;
      this.pos = end + 1;
      return decoded;
    } catch {
      throw new JsonSyntaxError('invalid string', this.pos - 1);
    }
  }

  private number(): RawNumber {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.s);
    if (!match || match[0].length === 0) {
      throw new JsonSyntaxError(
        this.pos >= this.s.length ? 'unexpected end of JSON' : 'unexpected character',
        this.pos
      );
    }
    this.pos += match[0].length;
    return new RawNumber(match[0]);
  }

  private literal<T>(word: string, value: T): T {
    if (!this.s.startsWith(word, this.pos)) {
      throw new JsonSyntaxError('unexpected token', this.pos);
    }
    this.pos += word.length;
    return value;
  }

  private expect(char: string): void {
    if (this.s[this.pos] !== char) {
      throw new JsonSyntaxError(
        this.pos >= this.s.length ? 'unexpected end of JSON' : `expected '${char}'`,
        this.pos
      );
    }
    this.pos++;
  }
}
