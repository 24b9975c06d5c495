import { ValueCounts } from '../../../src/engine/profile/valueCounts';

describe('ValueCounts (FORMATS.md §7.5)', () => {
  test('exact counts in first-seen order', () => {
    const counts = new ValueCounts();
    ['b', 'a', 'b', 'c', 'b'].forEach(v => counts.add(v));
    expect(counts.entries()).toEqual([
      ['b', 3],
      ['a', 1],
      ['c', 1]
    ]);
    expect(counts.exact).toBe(true);
  });

  test('past the limit, memory stays bounded and the frequent values survive', () => {
    const counts = new ValueCounts(10);
    for (let i = 0; i < 10000; i++) {
      counts.add(i % 2 === 0 ? `hot${i % 6}` : `cold${i}`);
    }
    expect(counts.size).toBeLessThan(20);
    expect(counts.exact).toBe(false);
    const top = counts.entries().map(([v]) => v);
    expect(top).toHaveLength(10);
    expect(top).toEqual(expect.arrayContaining(['hot0', 'hot2', 'hot4']));
  });

  test('merge adds counts', () => {
    const a = new ValueCounts();
    const b = new ValueCounts();
    a.add('x');
    b.add('x');
    b.add('y');
    a.merge(b);
    expect(a.entries()).toEqual([
      ['x', 2],
      ['y', 1]
    ]);
    expect(ValueCounts.fromJSON(JSON.parse(JSON.stringify(a.toJSON()))).entries()).toEqual(
      a.entries()
    );
  });
});
