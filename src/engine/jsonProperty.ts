/**
 * Sets a parsed JSON object's property as `JSON.parse` does: a key `__proto__` becomes an own
 * property. Assigning it would set the object's prototype instead, and the key would be lost.
 */
export function setJsonProperty(
  object: Record<string, unknown>,
  key: string,
  value: unknown
): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  } else {
    object[key] = value;
  }
}
