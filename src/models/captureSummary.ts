/** Pure views of a capture summary: the hourly series, the count tables, the time range. */
import { CaptureSummary, CountsBySide, ReportedDiagnostic } from '../api/captures';

export interface HourlyRecords {
  /** `2026-11-01T13:00:00Z` */
  hour: string;
  records: number;
}

const HOUR_MS = 3600_000;
/** Beyond this many hours the gaps are not filled in (sparse captures over years). */
const MAX_FILLED_HOURS = 24 * 92;

/**
 * Records per hour folder, with the hours between the first and the last that have no folder
 * as zeros: a gap in the traffic should show as a gap in the chart.
 */
export function hourlyRecords(summary: CaptureSummary): HourlyRecords[] {
  const counts = new Map(summary.hours.map(h => [h.hour, h.records]));
  const first = summary.first_hour ? Date.parse(summary.first_hour) : NaN;
  const last = summary.last_hour ? Date.parse(summary.last_hour) : NaN;
  const span = (last - first) / HOUR_MS;
  if (!Number.isFinite(span) || span < 0 || span > MAX_FILLED_HOURS) {
    return summary.hours.map(h => ({ hour: h.hour, records: h.records }));
  }
  const filled: HourlyRecords[] = [];
  for (let time = first; time <= last; time += HOUR_MS) {
    const hour = isoHour(time);
    filled.push({ hour, records: counts.get(hour) ?? 0 });
  }
  return filled;
}

function isoHour(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface SideCounts {
  value: string;
  input: number;
  output: number;
}

/** One row per value seen on either side (`endpointInput`, `endpointOutput`), most records first. */
export function sideCounts(counts: CountsBySide): SideCounts[] {
  const input = counts.endpointInput ?? {};
  const output = counts.endpointOutput ?? {};
  const values = [...new Set([...Object.keys(input), ...Object.keys(output)])];
  return values
    .map(value => ({ value, input: input[value] ?? 0, output: output[value] ?? 0 }))
    .sort((a, b) => b.input + b.output - (a.input + a.output) || a.value.localeCompare(b.value));
}

export interface TimeRange {
  first: string;
  last: string;
  /** Whether the range comes from the records' inferenceTime or only from the hour folders. */
  source: 'records' | 'folders';
}

export function timeRangeOf(summary: CaptureSummary): TimeRange | null {
  if (summary.first_inference_time && summary.last_inference_time) {
    return {
      first: summary.first_inference_time,
      last: summary.last_inference_time,
      source: 'records'
    };
  }
  if (summary.first_hour && summary.last_hour) {
    return { first: summary.first_hour, last: summary.last_hour, source: 'folders' };
  }
  return null;
}

/** `file:line: message [kind]`, the way the engine's CLI names a problem. */
export function describeDiagnostic(diagnostic: ReportedDiagnostic): string {
  const place = [diagnostic.file, diagnostic.line].filter(p => p !== null && p !== undefined);
  const where = place.length ? `${place.join(':')}: ` : '';
  return `${where}${diagnostic.message ?? ''} [${diagnostic.kind}]`;
}
