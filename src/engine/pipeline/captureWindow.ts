/** A time window [start, end) selecting capture hours by their `yyyy/mm/dd/HH` folders. */
export interface TimeWindow {
  start?: Date;
  end?: Date;
}

/**
 * The UTC hour of a capture file: its last run of four folders `yyyy/mm/dd/HH` that is a real date
 * and hour (the file's own name is not a folder), or null. The Python readers follow the same rule
 * (`spark_job/capture_rows.py`'s hour_of_path), checked against one table, test/shared.
 */
export function hourOfPath(relativePath: string): Date | null {
  const folders = relativePath.split(/[\\/]/).slice(0, -1);
  for (let i = folders.length - 4; i >= 0; i--) {
    const hour = hourOfFolders(folders.slice(i, i + 4));
    if (hour) {
      return hour;
    }
  }
  return null;
}

function hourOfFolders([year, month, day, hour]: string[]): Date | null {
  if (!/^\d{4}$/.test(year) || ![month, day, hour].every(part => /^\d{2}$/.test(part))) {
    return null;
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour)));
  // Date.UTC rolls 2024/13/01 or 02/30 over into another date: those are not hour folders.
  const real =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour);
  return real ? date : null;
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
