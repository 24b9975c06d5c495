/**
 * Ascending runs of doubles laid end to end, as a KLL level above 0 holds them (one run per
 * compaction below): the input of the sorts' merge paths.
 */
import fc from 'fast-check';

/** 1 to `maxRuns` runs of `value`s, each sorted in Float64Array order (-0 before 0, NaN last). */
export function ascendingRuns(
  value: fc.Arbitrary<number>,
  run: fc.ArrayConstraints,
  maxRuns: number
): fc.Arbitrary<number[][]> {
  const sorted = fc.array(value, run).map(r => Array.from(Float64Array.from(r).sort()));
  return fc.array(sorted, { minLength: 1, maxLength: maxRuns });
}

/** Where each run starts once the runs are laid end to end. */
export function runStarts(runs: number[][]): number[] {
  let at = 0;
  return runs.map(r => {
    const start = at;
    at += r.length;
    return start;
  });
}
