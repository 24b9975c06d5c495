/** Number formatting for tables: short, locale-aware, and explicit about missing values. */
const EMPTY = '—';

export function formatNumber(value: number | undefined): string {
  if (value === undefined || value === null) {
    return EMPTY;
  }
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e9 || magnitude < 1e-4)) {
    return value.toExponential(3);
  }
  return value.toLocaleString(undefined, { maximumSignificantDigits: 6 });
}

export function formatCount(value: number | undefined): string {
  return value === undefined || value === null ? EMPTY : Math.round(value).toLocaleString();
}

export function formatPercent(share: number | undefined): string {
  if (share === undefined || share === null || isNaN(share)) {
    return EMPTY;
  }
  return (share * 100).toLocaleString(undefined, { maximumFractionDigits: 2 }) + '%';
}
