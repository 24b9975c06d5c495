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

  it('cuts consecutive parts into about four tasks a worker, in input order', () => {
    const tasks = planTasks(parts, 2);
    expect(tasks.map(t => t.index)).toEqual(tasks.map((_, i) => i));
    expect(tasks.flatMap(t => t.parts)).toEqual(parts);
    expect(tasks).toHaveLength(8);
  });
});
