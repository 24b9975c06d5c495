/**
 * A download's file name from text found in data (a feature, metric, run or folder name): letters,
 * digits, `.`, `_` and `-` only, no leading dot (no hidden file, no path), at most 80 characters,
 * else `fallback`.
 */
export function safeFileStem(text: string | undefined, fallback: string): string {
  const stem = (text ?? '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return stem.slice(0, 80) || fallback;
}
