/**
 * Jackson's default pretty printer (FORMATS.md §6.1): two spaces per enclosing object, arrays on
 * one line, `"key" : value`, no final newline. A JS number cannot tell `1` from `1.0`, so the caller
 * says by JSON path which numbers are Java longs; every other number is written as a Java double.
 */
import { formatJavaDouble } from './javaDouble';

export type JsonPath = readonly (string | number)[];
/**
 * Called while writing; the path array is reused afterwards, so copy it to keep it. An array's
 * items are asked about once, at index 0: the numbers of one array are all longs or all doubles.
 */
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
    return doubleText(x);
  }

  private array(items: unknown[], depth: number): string {
    if (items.length === 0) {
      return '[ ]';
    }
    const doubles = this.itemsAreLongs() ? undefined : doublesText(items);
    if (doubles !== undefined) {
      return `[ ${doubles} ]`;
    }
    const parts = items.map((item, i) => this.member(i, item, depth));
    return `[ ${parts.join(', ')} ]`;
  }

  /** Asked once per array, at index 0 (see LongPathPredicate). */
  private itemsAreLongs(): boolean {
    this.path.push(0);
    const long = this.isLong(this.path);
    this.path.pop();
    return long;
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

/**
 * The items of an array of numbers written as doubles, or undefined when some item is not a number
 * (the caller then writes each). Runs of numbers that Java and JavaScript both write in plain
 * notation (0, or 1e-3 ≤ |x| < 1e7) are joined natively, whole ones then given Java's ".0"; any
 * other number is formatted alone. A KLL sketch holds thousands of numbers, and V8 runs the writer
 * unoptimized on small inputs (node/optimizationGate.ts), where a call per item costs several times
 * this.
 */
function doublesText(items: unknown[]): string | undefined {
  const parts: string[] = [];
  let runStart = 0;
  let wholes = false;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (typeof x !== 'number') {
      return undefined;
    }
    const abs = x < 0 ? -x : x;
    if (abs >= 1e-3 && abs < 1e7) {
      wholes = wholes || x % 1 === 0;
    } else if (x === 0 && 1 / x > 0) {
      wholes = true;
    } else {
      if (i > runStart) {
        parts.push(plainRunText(items.slice(runStart, i), wholes));
      }
      parts.push(doubleText(x));
      runStart = i + 1;
      wholes = false;
    }
  }
  if (runStart < items.length) {
    parts.push(plainRunText(runStart === 0 ? items : items.slice(runStart), wholes));
  }
  return parts.join(', ');
}

function plainRunText(run: unknown[], wholes: boolean): string {
  const text = run.join(', ');
  return wholes ? text.replace(WHOLE_NUMBER, '$&.0') : text;
}

/** A double as the analyzer writes it: NaN and the infinities quoted, as they are not JSON. */
function doubleText(x: number): string {
  const text = formatJavaDouble(x);
  return Number.isFinite(x) ? text : quoteJson(text);
}

const WHOLE_NUMBER = /(?<=^|, )-?\d+(?=, |$)/g;

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
