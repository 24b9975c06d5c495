/**
 * Jackson's default pretty printer (FORMATS.md §6.1): two spaces per enclosing object, arrays on
 * one line, `"key" : value`, no final newline. A JS number cannot tell `1` from `1.0`, so the caller
 * says by JSON path which numbers are Java longs; every other number is written as a Java double.
 */
import { formatJavaDouble } from './javaDouble';

export type JsonPath = readonly (string | number)[];
/**
 * Called while writing; the path array is reused afterwards, so copy it to keep it. An array's
 * items are first asked about together, with ANY_ITEM for their index: true when any of them may
 * be a long. Only then is each item asked about.
 */
export type LongPathPredicate = (path: JsonPath) => boolean;

/** The index of "any item of this array" in a LongPathPredicate's path. */
export const ANY_ITEM = -1;

export function writeJackson(value: unknown, isLong: LongPathPredicate = () => false): string {
  const writer = new JacksonWriter(isLong);
  writer.write(value, 0);
  return writer.text();
}

class JacksonWriter {
  /** The path of the value being written: one array pushed and popped, not a copy per value. */
  private readonly path: (string | number)[] = [];
  /** The text in pieces, joined once at the end (a join per level would copy its text again). */
  private readonly pieces: string[] = [];

  constructor(private readonly isLong: LongPathPredicate) {}

  text(): string {
    return this.pieces.join('');
  }

  write(value: unknown, depth: number): void {
    const scalar = this.scalarText(value);
    if (scalar !== undefined) {
      this.pieces.push(scalar);
    } else if (Array.isArray(value)) {
      this.array(value, depth);
    } else {
      this.object(entriesOf(value as object), depth);
    }
  }

  /** The text of anything but an array or object (undefined for those). */
  private scalarText(value: unknown): string | undefined {
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
    return undefined;
  }

  private number(x: number): string {
    if (this.isLong(this.path) && Number.isInteger(x)) {
      return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
    }
    return doubleText(x);
  }

  private array(items: unknown[], depth: number): void {
    if (items.length === 0) {
      this.pieces.push('[ ]');
      return;
    }
    const doubles = this.itemsAreLongs() ? undefined : doublesText(items);
    if (doubles !== undefined) {
      this.pieces.push('[ ', doubles, ' ]');
      return;
    }
    this.pieces.push('[ ');
    items.forEach((item, i) => {
      if (i > 0) {
        this.pieces.push(', ');
      }
      this.member(i, item, depth);
    });
    this.pieces.push(' ]');
  }

  /** Whether any item of the array being written may be a long (see LongPathPredicate). */
  private itemsAreLongs(): boolean {
    this.path.push(ANY_ITEM);
    const long = this.isLong(this.path);
    this.path.pop();
    return long;
  }

  private object(entries: [string, unknown][], depth: number): void {
    const present = entries.filter(([, value]) => value !== undefined);
    if (present.length === 0) {
      this.pieces.push('{ }');
      return;
    }
    const inner = '\n' + '  '.repeat(depth + 1);
    present.forEach(([key, value], i) => {
      this.pieces.push(i === 0 ? '{' + inner : ',' + inner, quoteJson(key), ' : ');
      this.member(key, value, depth + 1);
    });
    this.pieces.push('\n' + '  '.repeat(depth) + '}');
  }

  private member(key: string | number, value: unknown, depth: number): void {
    this.path.push(key);
    this.write(value, depth);
    this.path.pop();
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
