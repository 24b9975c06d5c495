/** The JSON lines fast path gives what the general parse gives, or leaves the line to it. */
import fc from 'fast-check';
import { flatJsonRow } from '../../../src/engine/io/flatJsonRow';
import { KeyedRow } from '../../../src/engine/io/keyedBatcher';
import { cellText, isRawObject, parseRawJson } from '../../../src/engine/io/rawJson';

/** The row the general path makes of a line, or null when it rejects the line. */
function generalRow(line: string): Map<string, string | null> | null {
  let value;
  try {
    value = parseRawJson(line);
  } catch {
    return null;
  }
  if (!isRawObject(value)) {
    return null;
  }
  return new Map(Object.keys(value).map(key => [key, cellText(value[key])]));
}

/** Some lines' keys as the line before had them: the same, a prefix, or shuffled. */
function previousKeys(line: string): string[] {
  const keys = [...line.matchAll(/"([^"\\]*)"\s*:/g)].map(match => match[1]);
  const unique = [...new Set(keys)];
  switch (line.length % 4) {
    case 0:
      return unique;
    case 1:
      return unique.slice(0, unique.length >> 1);
    case 2:
      return [...unique].reverse();
    default:
      return [];
  }
}

/** Members written in the line (a repeated key counts each time). */
function keyCount(line: string): number {
  return [...line.matchAll(/"[^"\\]*"\s*:/g)].length;
}

/** No escape, and no bracket or brace after the object's opening one: surely a flat line. */
function surelyFlat(line: string): boolean {
  return !/[\\[{]/.test(line.slice(line.indexOf('{') + 1));
}

function sorted(row: Map<string, string | null>): [string, string | null][] {
  return [...row].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function asMap(row: KeyedRow): Map<string, string | null> {
  expect(new Set(row.keys).size).toBe(row.keys.length);
  return new Map(row.keys.map((key, i) => [key, row.values[i]]));
}

const key = fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'x y', 'é', '1', 'a"b'), fc.string());
const scalar = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('3.0', '1e5', '-0', '01', '1.', '.5', '+1', 'tru', 'nul')
);
const value = fc.oneof(
  {
    weight: 4,
    arbitrary: scalar.map(v => (typeof v === 'string' ? JSON.stringify(v) : String(v)))
  },
  { weight: 1, arbitrary: fc.constantFrom('[1, 2]', '{"c": 1}', '"\\n"', '"tab\\t"', '3.0') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('3.0', '1e5', '-0', '01', '1.', '.5', '+1', 'tru', 'nul')
  }
);
const space = fc.constantFrom('', ' ', '\t', '  \r');
const member = fc
  .tuple(key, value, space, space)
  .map(([k, v, s1, s2]) => `${JSON.stringify(k)}${s1}:${s2}${v}`);
const objectLine = fc
  .tuple(fc.array(member, { maxLength: 6 }), space, space, fc.constantFrom('', ' ', 'x', ',', '}'))
  .map(([members, before, after, tail]) => `${before}{${members.join(',')}}${after}${tail}`);
/** Lines with one character dropped or changed: most are malformed. */
const mangledLine = fc
  .tuple(objectLine, fc.nat(), fc.constantFrom('', '"', ',', ':', '{', '}', '\\', ' ', 'a'))
  .map(([line, at, put]) => {
    const i = line.length === 0 ? 0 : at % line.length;
    return line.slice(0, i) + put + line.slice(i + 1);
  });

describe('flatJsonRow', () => {
  it('gives the general path’s row for every flat line, and null for no other line', () => {
    fc.assert(
      fc.property(fc.oneof(objectLine, mangledLine), line => {
        const previous = previousKeys(line);
        const fast = flatJsonRow(line, previous);
        const general = generalRow(line);
        if (fast !== null) {
          expect(general).not.toBeNull();
          expect(sorted(asMap(fast))).toEqual(sorted(general!));
        }
        if (general !== null && surelyFlat(line) && general.size === keyCount(line)) {
          expect(fast).not.toBeNull();
        }
      }),
      { numRuns: 3000 }
    );
  });

  it('gives a line with the keys of the line before that very array, and reuses its strings', () => {
    const first = flatJsonRow('{"alpha": 1, "beta": "x"}')!;
    const second = flatJsonRow('{"alpha":2,"beta":null}', first.keys)!;
    expect(second.keys).toBe(first.keys);
    expect(second.values).toEqual(['2', null]);
    const third = flatJsonRow('{"alpha": 3, "betb": true}', second.keys)!;
    expect(third.keys).not.toBe(first.keys);
    expect(third.keys[0]).toBe(first.keys[0]);
    expect(third).toEqual({ keys: ['alpha', 'betb'], values: ['3', 'true'] });
    expect(flatJsonRow('{"alpha": 4}', first.keys)).toEqual({ keys: ['alpha'], values: ['4'] });
  });

  it('leaves a repeated key to the general path, even where the line before had it once', () => {
    expect(flatJsonRow('{"a": 1, "a": 2}')).toBeNull();
    expect(flatJsonRow('{"a": 1, "b": 2, "a": 3}', ['a', 'b'])).toBeNull();
  });

  it('leaves nesting, escapes and errors to the general path', () => {
    for (const line of [
      '{"a": [1]}',
      '{"a": {"b": 1}}',
      '{"a\\"": 1}',
      '{"a": "\\n"}',
      '{"a": 1',
      '[1]',
      '{"a": 01}'
    ]) {
      expect(flatJsonRow(line)).toBeNull();
    }
  });
});
