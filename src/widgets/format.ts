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

/** A server time (ISO 8601) in the user's locale, short; the empty mark when absent. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return EMPTY;
  }
  const date = new Date(iso);
  if (isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A run's time window; the end shows only its time when it falls on the start's day. */
export function formatWindow(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (isNaN(start.getTime()) || isNaN(end.getTime())) {
    return `${startIso} – ${endIso}`;
  }
  const sameDay = start.toDateString() === end.toDateString();
  const endText = sameDay
    ? end.toLocaleTimeString(undefined, { timeStyle: 'short' })
    : formatTime(endIso);
  return `${formatTime(startIso)} – ${endText}`;
}

/** Decimals with more than 6 significant digits, as SageMaker's descriptions write them. */
const LONG_DECIMAL = /-?\d+\.\d{7,}(?:[eE][-+]?\d+)?/g;

/**
 * A description from a file with its long numbers written as the tables write numbers
 * ("distance: 0.328049" for 0.32804872975747007); the caller keeps the file's text as a tooltip.
 */
export function readableDescription(text: string): string {
  return text.replace(LONG_DECIMAL, number => formatNumber(Number(number)));
}
