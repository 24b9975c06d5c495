/**
 * 5-field cron expressions (minute hour day-of-month month day-of-week), in UTC as the server's
 * scheduler reads them: `*`, numbers, ranges `a-b`, steps (`*`, a range or a start, then
 * `/n`), lists `a,b`, and month / weekday names. As in Vixie cron, when both day fields are restricted a day matching
 * either one runs.
 */
export interface CronSpec {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

interface FieldRange {
  min: number;
  max: number;
  names?: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: FieldRange[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 7, names: WEEKDAYS }
];

export class CronError extends Error {}

/** Parses an expression, or throws a CronError whose message says what is wrong. */
export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') {
    throw new CronError('A cron expression has 5 fields: minute hour day month weekday.');
  }
  const [minutes, hours, days, months, weekdays] = parts.map((part, i) =>
    parseField(part, FIELDS[i])
  );
  if (weekdays.delete(7)) {
    weekdays.add(0); // 7 is Sunday too
  }
  return {
    minutes,
    hours,
    days,
    months,
    weekdays,
    daysRestricted: !parts[2].startsWith('*'),
    weekdaysRestricted: !parts[4].startsWith('*')
  };
}

function parseField(field: string, range: FieldRange): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const [span, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : parseNumber(stepText, { min: 1, max: range.max });
    const [first, last] = parseSpan(span, range, stepText !== undefined);
    for (let value = first; value <= last; value += step) {
      values.add(value);
    }
  }
  return values;
}

function parseSpan(span: string, range: FieldRange, stepped: boolean): [number, number] {
  if (span === '*') {
    return [range.min, range.max];
  }
  const bounds = span.split('-');
  if (bounds.length > 2) {
    throw new CronError(`"${span}" is not a value or a range.`);
  }
  const first = parseNumber(bounds[0], range);
  const last = bounds.length === 2 ? parseNumber(bounds[1], range) : stepped ? range.max : first;
  if (last < first) {
    throw new CronError(`The range "${span}" ends before it starts.`);
  }
  return [first, last];
}

function parseNumber(text: string, range: FieldRange): number {
  const named = range.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) {
    return named + (range.names === MONTHS ? 1 : 0);
  }
  if (!/^\d+$/.test(text)) {
    throw new CronError(`"${text}" is not a number.`);
  }
  const value = Number(text);
  if (value < range.min || value > range.max) {
    throw new CronError(`${value} is outside ${range.min}–${range.max}.`);
  }
  return value;
}

/** The next `count` run times strictly after `from` (whole UTC minutes), at most ~5 years ahead. */
export function nextRuns(spec: CronSpec, from: Date, count: number): Date[] {
  const runs: Date[] = [];
  const t = new Date(from.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = from.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (runs.length < count && t.getTime() <= limit) {
    if (!spec.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
    } else if (!dayMatches(spec, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
    } else if (!spec.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
    } else if (!spec.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    } else {
      runs.push(new Date(t.getTime()));
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    }
  }
  return runs;
}

function dayMatches(spec: CronSpec, t: Date): boolean {
  const day = spec.days.has(t.getUTCDate());
  const weekday = spec.weekdays.has(t.getUTCDay());
  if (spec.daysRestricted && spec.weekdaysRestricted) {
    return day || weekday;
  }
  return day && weekday;
}
