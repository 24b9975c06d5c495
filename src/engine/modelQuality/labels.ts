/**
 * Labels compare as text, but numbers are canonicalised first so a capture's `1.0` matches a ground
 * truth `1` (Spark casts both sides to double).
 */
export function normalizeLabel(raw: unknown): string | null {
  if (raw === null || raw === undefined) {
    return null;
  }
  const text = String(raw).trim();
  if (text === '') {
    return null;
  }
  const n = Number(text);
  return Number.isFinite(n) && /^[+-]?(\d|\.\d)/.test(text) ? String(n) : text;
}

/** Labels sorted numerically when all are numbers, else as text. */
export function sortLabels(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)];
  const numeric = list.every(label => Number.isFinite(Number(label)));
  return numeric
    ? list.sort((a, b) => Number(a) - Number(b))
    : list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
