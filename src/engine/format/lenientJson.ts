/**
 * A JSON parser for files users and older tools wrote (FORMATS.md §6.4): it also accepts bare
 * `NaN`, `Infinity`, `-Infinity` and a byte-order mark. Errors carry line and column.
 * With `ordered`, objects become Maps so keys like "0", "1" keep file order (plain JS objects
 * would move integer-like keys first), and integer literals are reported by path.
 */
import { setJsonProperty } from '../jsonProperty';
import { JsonPath } from './jackson';

/** A SageMaker document that is not JSON, with where (io/rawJson.ts has the JSON-lines one). */
export class DocumentSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number
  ) {
    super(`${message} at line ${line}, column ${column}`);
  }
}

export interface LenientJsonOptions {
  ordered?: boolean;
  /** Called with the path of every number written without fraction or exponent. */
  onIntegerLiteral?: (path: JsonPath) => void;
}

export function parseLenientJson(text: string, options: LenientJsonOptions = {}): unknown {
  const json = text.replace(/^\uFEFF/, '');
  if (!options.ordered && !options.onIntegerLiteral) {
    const value = parsedAsStrictJson(json);
    if (value !== NOT_STRICT_JSON) {
      return value;
    }
  }
  return parseWithExtensions(json, options);
}

/** The hand-written parser alone: what `parseLenientJson` falls back to. */
export function parseWithExtensions(text: string, options: LenientJsonOptions = {}): unknown {
  const parser = new Parser(text, options);
  const value = parser.value([]);
  parser.end();
  return value;
}

const NOT_STRICT_JSON = Symbol('not strict JSON');

/**
 * Most documents are strict JSON, and the native parser reads them several times faster. It gives
 * the same value; anything it refuses, or that nests too deep, goes to the hand-written parser,
 * which accepts the extensions or reports the error with its line and column.
 */
function parsedAsStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_STRICT_JSON;
  }
  return nestsDeeperThan(value, MAX_JSON_DEPTH) ? NOT_STRICT_JSON : value;
}

/** Whether any value sits under more than `limit` enclosing arrays or objects. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  if (limit === 0) {
    return true;
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  // A loop that calls only for containers: a statistics.json holds tens of thousands of numbers.
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child !== null && typeof child === 'object' && nestsDeeperThan(child, limit - 1)) {
      return true;
    }
  }
  return false;
}

/** SageMaker's files nest a few levels; a 100,000-deep array overflowed the stack (exit 4). */
export const MAX_JSON_DEPTH = 512;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const KEYWORDS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity]
];

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly options: LenientJsonOptions
  ) {}

  value(path: (string | number)[]): unknown {
    this.skipSpace();
    if (path.length > MAX_JSON_DEPTH) {
      this.fail(`Nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const ch = this.text[this.pos];
    if (ch === '{') {
      return this.object(path);
    }
    if (ch === '[') {
      return this.array(path);
    }
    if (ch === '"') {
      return this.string();
    }
    for (const [word, value] of KEYWORDS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.number(path);
  }

  end(): void {
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail('Unexpected text after the JSON value');
    }
  }

  private object(path: (string | number)[]): unknown {
    const entries: [string, unknown][] = [];
    this.pos++;
    if (!this.consume('}')) {
      do {
        this.skipSpace();
        if (this.text[this.pos] !== '"') {
          this.fail('Expected a quoted key');
        }
        const key = this.string();
        this.expect(':');
        entries.push([key, this.value([...path, key])]);
      } while (this.consume(','));
      this.expect('}');
    }
    if (this.options.ordered) {
      return new Map(entries);
    }
    const obj: Record<string, unknown> = {};
    for (const [key, value] of entries) {
      setJsonProperty(obj, key, value);
    }
    return obj;
  }

  private array(path: (string | number)[]): unknown[] {
    const items: unknown[] = [];
    this.pos++;
    if (!this.consume(']')) {
      do {
        items.push(this.value([...path, items.length]));
      } while (this.consume(','));
      this.expect(']');
    }
    return items;
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.text.length) {
      this.fail('Unterminated string');
    }
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      this.pos = start;
      return this.fail('Invalid string');
    }
  }

  private number(path: (string | number)[]): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) {
      return this.fail('Unexpected character');
    }
    this.pos += match[0].length;
    if (this.options.onIntegerLiteral && /^-?\d+$/.test(match[0])) {
      this.options.onIntegerLiteral(path);
    }
    return Number(match[0]);
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) {
      this.pos++;
    }
  }

  private consume(ch: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(ch: string): void {
    if (!this.consume(ch)) {
      this.fail(`Expected '${ch}'`);
    }
  }

  private fail(message: string): never {
    const before = this.text.slice(0, this.pos).split('\n');
    throw new DocumentSyntaxError(message, before.length, before[before.length - 1].length + 1);
  }
}
