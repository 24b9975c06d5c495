/**
 * A result file's tab label (#18 item 11): the run or baseline it belongs to, then its name, so
 * three statistics.json tabs can be told apart. Lab cuts long tab labels at about 20 characters,
 * so the run comes first and its date drops the year; the full path stays in the tab's tooltip.
 *
 * - `monitoring/churn/2026/11/01/13/statistics.json` → `churn 11-01 13:00 · statistics.json`
 *   (a scheduled run's hour folder; `13-30` is 13:30)
 * - `monitoring/churn/manual/2026-11-01T13-05-09Z-1a2b3c4d/statistics.json`
 *   → `churn manual 11-01 13:05 · statistics.json`
 * - `data/training-baseline/constraints.json` → `training-baseline · constraints.json`
 */
const HOUR_FOLDERS = /^(?:(?:.*\/)?([^/]+)\/)?(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})(?:-(\d{2}))?$/;
const MANUAL_FOLDER =
  /^(?:(?:.*\/)?([^/]+)\/)?manual\/\d{4}-(\d{2}-\d{2})T(\d{2})-(\d{2})-\d{2}Z-[0-9a-f]+$/;

export function resultTabLabel(path: string): string {
  const parts = path.split('/').filter(part => part.length > 0);
  const name = parts.pop() ?? path;
  const folder = parts.join('/');
  const run = runOf(folder);
  const owner = run ?? parts[parts.length - 1];
  return owner ? `${owner} · ${name}` : name;
}

/** The monitor and time of a run's folder, or null for any other folder. */
function runOf(folder: string): string | null {
  const hourly = HOUR_FOLDERS.exec(folder);
  if (hourly) {
    const [, monitor, , month, day, hour, minute] = hourly;
    return withMonitor(monitor, `${month}-${day} ${hour}:${minute ?? '00'}`);
  }
  const manual = MANUAL_FOLDER.exec(folder);
  if (manual) {
    const [, monitor, date, hour, minute] = manual;
    return withMonitor(monitor, `manual ${date} ${hour}:${minute}`);
  }
  return null;
}

function withMonitor(monitor: string | undefined, time: string): string {
  return monitor ? `${monitor} ${time}` : time;
}
