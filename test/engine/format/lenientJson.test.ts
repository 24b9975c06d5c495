import { MAX_JSON_DEPTH, parseLenientJson } from '../../../src/engine/format/lenientJson';

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
