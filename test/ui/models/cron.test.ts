import { CronError, nextRuns, parseCron } from '../../../src/models/cron';

const iso = (dates: Date[]) => dates.map(d => d.toISOString());

describe('parseCron / nextRuns', () => {
  const from = new Date('2026-11-25T03:24:10Z'); // a Wednesday

  it('runs hourly at minute 0', () => {
    expect(iso(nextRuns(parseCron('0 * * * *'), from, 3))).toEqual([
      '2026-11-25T04:00:00.000Z',
      '2026-11-25T05:00:00.000Z',
      '2026-11-25T06:00:00.000Z'
    ]);
  });

  it('reads steps, ranges, lists and names', () => {
    expect(iso(nextRuns(parseCron('*/20 3 * * *'), from, 3))).toEqual([
      '2026-11-25T03:40:00.000Z',
      '2026-11-26T03:00:00.000Z',
      '2026-11-26T03:20:00.000Z'
    ]);
    expect(iso(nextRuns(parseCron('30 6 * * mon-fri'), from, 3))).toEqual([
      '2026-11-25T06:30:00.000Z',
      '2026-11-26T06:30:00.000Z',
      '2026-11-27T06:30:00.000Z'
    ]);
    expect(iso(nextRuns(parseCron('0 0 1 jan,jul *'), from, 2))).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2027-07-01T00:00:00.000Z'
    ]);
  });

  it('treats 7 as Sunday and ORs restricted day fields, as cron does', () => {
    expect(iso(nextRuns(parseCron('0 0 * * 7'), from, 1))).toEqual(['2026-11-29T00:00:00.000Z']);
    expect(iso(nextRuns(parseCron('0 0 1 * 0'), from, 2))).toEqual([
      '2026-11-29T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z'
    ]);
  });

  it('finds Feb 29 and gives up on dates that never come', () => {
    expect(iso(nextRuns(parseCron('0 0 29 2 *'), from, 1))).toEqual(['2028-02-29T00:00:00.000Z']);
    expect(nextRuns(parseCron('0 0 31 2 *'), from, 1)).toEqual([]);
  });

  it.each([
    ['0 * * *', '5 fields'],
    ['60 * * * *', 'outside 0–59'],
    ['x * * * *', 'not a number'],
    ['5-1 * * * *', 'ends before'],
    ['*/0 * * * *', 'outside']
  ])('refuses %s', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(CronError);
    expect(() => parseCron(expression)).toThrow(message);
  });
});
