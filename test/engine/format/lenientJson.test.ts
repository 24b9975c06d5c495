import fc from 'fast-check';
import {
  MAX_JSON_DEPTH,
  parseLenientJson,
  parseWithExtensions
} from '../../../src/engine/format/lenientJson';

test('a key "__proto__" is kept as a key, not taken as the prototype', () => {
  const value = parseLenientJson('{"__proto__": {"polluted": 1}, "a": 2}') as Record<
    string,
    unknown
  >;
  expect(Object.keys(value)).toEqual(['__proto__', 'a']);
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect((value as { polluted?: number }).polluted).toBeUndefined();
});

test('nesting is bounded: at the limit it parses, past it the error says where', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  expect(() => parseLenientJson(nested(MAX_JSON_DEPTH))).not.toThrow();
  expect(() => parseLenientJson(nested(MAX_JSON_DEPTH + 2))).toThrow(
    `Nested deeper than ${MAX_JSON_DEPTH} levels at line 1, column ${MAX_JSON_DEPTH + 2}`
  );
});

describe('strict JSON takes the native parser', () => {
  const bothParsers = (text: string) => [parseLenientJson(text), parseWithExtensions(text)];

  test('it gives the value the hand-written parser gives, key order included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '\n'), (value, space) => {
        const text = JSON.stringify(value, null, space);
        const [native, byHand] = bothParsers(text);
        expect(native).toEqual(byHand);
        expect(JSON.stringify(native)).toBe(JSON.stringify(byHand));
      })
    );
  });

  test('-0, a "__proto__" key and a byte-order mark read the same way', () => {
    const [native, byHand] = bothParsers('\uFEFF{"__proto__": [-0, 1e400], "a": -0.0}');
    expect(native).toEqual(byHand);
    expect(Object.is((native as { a: number }).a, -0)).toBe(true);
    expect(Object.getPrototypeOf(native)).toBe(Object.prototype);
  });

  test('the extensions and the depth limit still go through the hand-written parser', () => {
    expect(parseLenientJson('{"mean": NaN, "max": -Infinity}')).toEqual({
      mean: NaN,
      max: -Infinity
    });
    const tooDeep = '['.repeat(MAX_JSON_DEPTH + 2) + ']'.repeat(MAX_JSON_DEPTH + 2);
    expect(() => JSON.parse(tooDeep)).not.toThrow();
    expect(() => parseLenientJson(tooDeep)).toThrow(`Nested deeper than ${MAX_JSON_DEPTH} levels`);
  });
});
