/**
 * Jackson's default pretty printer (FORMATS.md §6.1): two spaces per enclosing object, arrays on
 * one line, `"key" : value`, no final newline. A JS number cannot tell `1` from `1.0`, so the caller
 * says by JSON path which numbers are Java longs; every other number is written as a Java double.
 */
import { formatJavaDouble } from './javaDouble';

export type JsonPath = readonly (string | number)[];
/** Called while writing; the path array is reused afterwards, so copy it to keep it. */
export type LongPathPredicate = (path: JsonPath) => boolean;

export function writeJackson(value: unknown, isLong: LongPathPredicate = () => false): string {
  return new JacksonWriter(isLong).write(value, 0);
}

class JacksonWriter {
  /** The path of the value being written: one array pushed and popped, not a copy per value. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly isLong: LongPathPredicate) {}

  write(value: unknown, depth: number): string {
    if (value === null || value === undefined) {
      return 'null';
    }
    switch (typeof value) {
      case 'string':
        return quoteJson(value);
      case 'boolean':
        return String(value);
      case 'bigint':
        return value.toString();
      case 'number':
        return this.number(value);
    }
    if (Array.isArray(value)) {
      return this.array(value, depth);
    }
    return this.object(entriesOf(value), depth);
  }

  private number(x: number): string {
    if (this.isLong(this.path) && Number.isInteger(x)) {
      return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
    }
    const text = formatJavaDouble(x);
    return Number.isFinite(x) ? text : quoteJson(text);
  }

  private array(items: unknown[], depth: number): string {
    if (items.length === 0) {
      return '[ ]';
    }
    const parts = items.map((item, i) => this.member(i, item, depth));
    return `[ ${parts.join(', ')} ]`;
  }

  private object(entries: [string, unknown][], depth: number): string {
    const present = entries.filter(([, value]) => value !== undefined);
    if (present.length === 0) {
      return '{ }';
    }
    const inner = '\n' + '  '.repeat(depth + 1);
    const members = present.map(
      ([key, value]) => `${quoteJson(key)} : ${this.member(key, value, depth + 1)}`
    );
    return `{${inner}${members.join(',' + inner)}\n${'  '.repeat(depth)}}`;
  }

  private member(key: string | number, value: unknown, depth: number): string {
    this.path.push(key);
    const text = this.write(value, depth);
    this.path.pop();
    return text;
  }
}

/** Members of a plain object or of a Map (the ordered form `parseLenientJson` can produce). */
export function entriesOf(value: object): [string, unknown][] {
  return value instanceof Map ? [...value.entries()] : Object.entries(value);
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r'
};

/** Jackson's string escaping: `"`, `\` and C0 controls only; `/` and non-ASCII stay raw. */
export function quoteJson(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f]/g, ch => {
    const short = SHORT_ESCAPES[ch];
    if (short) {
      return short;
    }
    return '\\u' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  });
  return `"${escaped}"`;
}
