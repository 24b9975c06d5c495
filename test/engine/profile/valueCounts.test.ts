import fc from 'fast-check';
import { ValueCounts } from '../../../src/engine/profile/valueCounts';
import { ReferenceValueCounts } from './reference/valueCountsReference';

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

describe('ValueCounts in slots = the Map reference', () => {
  type Op = { add: string; count: number } | { merge: string[] };
  const key = fc.oneof(
    fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    fc.string({ maxLength: 2 }),
    fc.integer({ min: 0, max: 40 }).map(String)
  );
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ add: key, count: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ merge: fc.array(key, { maxLength: 30 }) }) }
  );

  test('same entries, state and JSON after any adds, merges and prunes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 300 }),
        fc.integer({ min: 1, max: 12 }),
        (ops, limit) => {
          const ours = new ValueCounts(limit);
          const reference = new ReferenceValueCounts(limit);
          for (const o of ops) {
            if ('add' in o) {
              ours.add(o.add, o.count);
              reference.add(o.add, o.count);
            } else {
              const other = new ValueCounts(limit);
              const otherReference = new ReferenceValueCounts(limit);
              o.merge.forEach(v => {
                other.add(v);
                otherReference.add(v);
              });
              ours.merge(other);
              reference.merge(otherReference);
            }
            expect(ours.size).toBe(reference.size);
          }
          expect(ours.entries()).toEqual(reference.entries());
          expect(ours.exact).toBe(reference.exact);
          expect(ours.toJSON()).toEqual(reference.toJSON());
          const reloaded = ValueCounts.fromJSON(ours.toJSON());
          expect(reloaded.entries()).toEqual(reference.entries());
        }
      ),
      { numRuns: 500 }
    );
  });

  test('a note moves with its value through pruning', () => {
    const counts = new ValueCounts(2);
    const slot = counts.add('kept', 5);
    counts.setNote(slot, 3, 1.5);
    counts.add('x');
    counts.add('y');
    counts.add('z');
    const now = counts.find('kept');
    expect(now).toBeGreaterThanOrEqual(0);
    expect(counts.noteOf(now)).toBe(3);
    expect(counts.noteValueOf(now)).toBe(1.5);
    expect(counts.noteOf(counts.add('new'))).toBe(0);
  });
});
