import * as fs from 'fs';
import * as path from 'path';
import { hourOfPath, inWindow, parseIsoTime } from '../../../src/engine/pipeline/captureWindow';
import { planTasks } from '../../../src/engine/pipeline/parts';

describe('capture window', () => {
  it('finds the hour of a capture path from its yyyy/mm/dd/HH folders', () => {
    expect(hourOfPath('ep/AllTraffic/2024/03/09/21/05-10-123-uuid.jsonl')?.toISOString()).toBe(
      '2024-03-09T21:00:00.000Z'
    );
    expect(hourOfPath('data/file.jsonl')).toBeNull();
  });

  it('keeps hours overlapping [start, end)', () => {
    const window = {
      start: parseIsoTime('2024-03-09T21:00:00Z')!,
      end: parseIsoTime('2024-03-09T22:00:00Z')!
    };
    expect(inWindow('2024/03/09/21/a.jsonl', window)).toBe(true);
    expect(inWindow('2024/03/09/22/a.jsonl', window)).toBe(false);
    expect(inWindow('2024/03/09/20/a.jsonl', window)).toBe(false);
    expect(inWindow('no-hour/a.jsonl', window)).toBe(false);
    expect(inWindow('no-hour/a.jsonl', {})).toBe(true);
  });

  it('reads times without a zone as UTC', () => {
    expect(parseIsoTime('2024-03-09T21:00:00')?.toISOString()).toBe('2024-03-09T21:00:00.000Z');
    expect(parseIsoTime('yesterday')).toBeNull();
  });
});

describe('planTasks', () => {
  const parts = [10, 10, 10, 10, 10, 10, 10, 10].map((bytes, i) => ({ file: `f${i}`, bytes }));

  it('gives one worker a single task holding every part in order', () => {
    expect(planTasks(parts, 1)).toEqual([{ index: 0, parts }]);
  });

  it('cuts consecutive parts into tasks in input order, shrinking to single parts at the end', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ file: `f${i}`, bytes: 10 }));
    const tasks = planTasks(many, 2);
    expect(tasks.map(t => t.index)).toEqual(tasks.map((_, i) => i));
    expect(tasks.flatMap(t => t.parts)).toEqual(many);
    const sizes = tasks.map(t => t.parts.length);
    // Each task takes a quarter of what is left (2 workers, 2 tasks a share): 10, 8, 6, 4, 3, 2, ...
    expect(sizes.slice(0, 4)).toEqual([10, 8, 6, 4]);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.slice(-3)).toEqual([1, 1, 1]);
  });

  it('gives a large part a task of its own', () => {
    const uneven = [100, 1, 1, 1].map((bytes, i) => ({ file: `f${i}`, bytes }));
    expect(planTasks(uneven, 2).map(t => t.parts.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('hour folders: one rule with the Python readers (test/shared/capture_hours.json)', () => {
  const table = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../shared/capture_hours.json'), 'utf8')
  ) as { cases: [string, string | null][] };

  test.each(table.cases)('%s → %s', (relative, expected) => {
    const hour = hourOfPath(relative);
    expect(hour ? hour.toISOString().replace('.000Z', 'Z') : null).toBe(expected);
  });
});
