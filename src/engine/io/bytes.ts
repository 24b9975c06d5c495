/**
 * The bytes of `parts` in one array. A lone non-empty part is returned itself, not copied: callers
 * read the result and never write to it.
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const filled = parts.filter(part => part.length > 0);
  if (filled.length === 1) {
    return filled[0];
  }
  const all = new Uint8Array(filled.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of filled) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
