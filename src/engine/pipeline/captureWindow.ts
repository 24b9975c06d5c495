/** A time window [start, end) selecting capture hours by their `yyyy/mm/dd/HH` folders. */
export interface TimeWindow {
  start?: Date;
  end?: Date;
}

/** The UTC hour a capture path lies in (its last `yyyy/mm/dd/HH` folders), or null. */
export function hourOfPath(relativePath: string): Date | null {
  const segments = relativePath.split(/[\\/]/);
  for (let i = segments.length - 4; i >= 0; i--) {
    const [year, month, day, hour] = segments.slice(i, i + 4);
    if (
      /^\d{4}$/.test(year) &&
      /^\d{2}$/.test(month) &&
      /^\d{2}$/.test(day) &&
      /^\d{2}$/.test(hour)
    ) {
      return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour)));
    }
  }
  return null;
}

/**
 * True when the path's hour overlaps [start, end). Paths without an hour folder are kept only when
 * no window is given.
 */
export function inWindow(relativePath: string, window: TimeWindow): boolean {
  if (!window.start && !window.end) {
    return true;
  }
  const hour = hourOfPath(relativePath);
  if (!hour) {
    return false;
  }
  const hourEnd = hour.getTime() + 3600_000;
  return (
    (!window.start || hourEnd > window.start.getTime()) &&
    (!window.end || hour.getTime() < window.end.getTime())
  );
}

/** Parses an ISO 8601 time; a time without zone is taken as UTC. */
export function parseIsoTime(text: string): Date | null {
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || !/T/.test(text) ? text : `${text}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : date;
}
