/**
 * The time window of a manual run ("Run Monitor Over…"): suggested from the captures' time range,
 * and read from the form's UTC date-time fields.
 */
import { CaptureSummary } from '../api/captures';
import { RunWindow } from '../api/types';
import { timeRangeOf } from './captureSummary';

/** Form values: `YYYY-MM-DDTHH:MM`, in UTC (as `<input type="datetime-local">` holds them). */
export interface WindowFields {
  start: string;
  end: string;
}

const HOUR_MS = 3600_000;

/** The whole hours the captures cover, from the first one's hour to the hour after the last. */
export function suggestedWindow(summary: CaptureSummary | null): WindowFields | null {
  const range = summary ? timeRangeOf(summary) : null;
  const first = range ? Date.parse(range.first) : NaN;
  const last = range ? Date.parse(range.last) : NaN;
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    return null;
  }
  const start = Math.floor(first / HOUR_MS) * HOUR_MS;
  const end = Math.floor(last / HOUR_MS) * HOUR_MS + HOUR_MS;
  return { start: fieldText(start), end: fieldText(end) };
}

/** The window to send, or what is wrong with the fields. */
export function windowOf(fields: WindowFields): RunWindow | { error: string } {
  const start = Date.parse(`${fields.start}Z`);
  const end = Date.parse(`${fields.end}Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    return { error: 'start and end are dates with a time (UTC)' };
  }
  if (end <= start) {
    return { error: 'the end comes after the start' };
  }
  return { window_start: isoText(start), window_end: isoText(end) };
}

function fieldText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

function isoText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
