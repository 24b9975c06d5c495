/** The JSON lines fast path gives what the general parse gives, or leaves the line to it. */
import fc from 'fast-check';
import { flatJsonRow } from '../../../src/engine/io/flatJsonRow';
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

/** No escape, and no bracket or brace after the object's opening one: surely a flat line. */
function surelyFlat(line: string): boolean {
  return !/[\\[{]/.test(line.slice(line.indexOf('{') + 1));
}

function sorted(row: Map<string, string | null>): [string, string | null][] {
  return [...row].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
        const fast = flatJsonRow(line);
        const general = generalRow(line);
        if (fast !== null) {
          expect(general).not.toBeNull();
          expect(sorted(fast)).toEqual(sorted(general!));
        }
        if (general !== null && surelyFlat(line)) {
          expect(fast).not.toBeNull();
        }
      }),
      { numRuns: 3000 }
    );
  });

  it('reuses the key strings of the line before, and still reads a changed key', () => {
    const keys: string[] = [];
    const first = flatJsonRow('{"alpha": 1, "beta": "x"}', keys)!;
    const second = flatJsonRow('{"alpha": 2, "betb": null, "gamma": true}', keys)!;
    expect([...first.keys()][0]).toBe(keys[0]);
    expect([...second]).toEqual([
      ['alpha', '2'],
      ['betb', null],
      ['gamma', 'true']
    ]);
    expect(keys).toEqual(['alpha', 'betb', 'gamma']);
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
