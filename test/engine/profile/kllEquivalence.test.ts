import fc from 'fast-check';
import { KllSketch } from '../../../src/engine/profile/kll';
import { ReferenceKllSketch } from './reference/kllReference';

type Step = { update: number[] } | { merge: number[] };

/** Runs the same updates and merges on both sketches. */
function run(steps: Step[], k: number): { ours: KllSketch; reference: ReferenceKllSketch } {
  const ours = new KllSketch(k);
  const reference = new ReferenceKllSketch(k);
  for (const step of steps) {
    if ('update' in step) {
      step.update.forEach(x => {
        ours.update(x);
        reference.update(x);
      });
    } else {
      const other = new KllSketch(k);
      const otherReference = new ReferenceKllSketch(k);
      step.merge.forEach(x => {
        other.update(x);
        otherReference.update(x);
      });
      ours.merge(other);
      reference.merge(otherReference);
    }
  }
  return { ours, reference };
}

describe('KllSketch on typed arrays = the plain-array reference', () => {
  const values = fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double()), {
    maxLength: 600
  });
  const step: fc.Arbitrary<Step> = fc.oneof(
    values.map(update => ({ update })),
    values.map(merge => ({ merge }))
  );

  test('same data and state after any updates and merges (small k)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), fc.constantFrom(2, 8, 32), (steps, k) => {
        const { ours, reference } = run(steps, k);
        expect(ours.toJSON()).toEqual(reference.toJSON());
        expect(ours.rank(0)).toBe(reference.rank(0));
        expect(ours.rankExclusive(0)).toBe(reference.rankExclusive(0));
      }),
      { numRuns: 300 }
    );
  });

  test('same data at the real k over many levels', () => {
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 1000;
    const steps: Step[] = [
      { update: Array.from({ length: 60000 }, next) },
      { merge: Array.from({ length: 9000 }, next) },
      { update: Array.from({ length: 5000 }, next) }
    ];
    const { ours, reference } = run(steps, 2048);
    expect(ours.data()).toEqual(reference.data());
    expect(KllSketch.fromJSON(ours.toJSON()).toJSON()).toEqual(reference.toJSON());
  });

  test('same data at the real k with zeros of both signs, NaNs and infinities', () => {
    // Levels above 0 are merged from the runs their compactions appended, unless a run holds a NaN.
    const special = fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, -1);
    const item = fc.oneof(fc.double(), special, fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 4000, maxLength: 12000 }), values => {
        const { ours, reference } = run([{ update: values }], 2048);
        expect(ours.data()).toEqual(reference.data());
      }),
      { numRuns: 20 }
    );
  });
});
