import fc from 'fast-check';
import { DiagnosticKind } from '../../../src/engine/diagnostics';
import { mergeResults, ResultMerger } from '../../../src/engine/pipeline/mergeResults';
import { TaskResult } from '../../../src/engine/pipeline/profileTask';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';

/** A task result over a few rows, with diagnostics of two kinds. */
function resultOf(index: number, rows: string[][], kinds: DiagnosticKind[]): TaskResult {
  const profile = new DatasetProfile();
  profile.add({
    names: ['a', 'b'],
    columns: [0, 1].map(c => ({ kind: 'text' as const, values: rows.map(r => r[c] ?? null) })),
    rowCount: rows.length
  });
  const counts: Partial<Record<DiagnosticKind, number>> = {};
  kinds.forEach(kind => (counts[kind] = (counts[kind] ?? 0) + 1));
  return {
    index,
    profile,
    counts: { records: rows.length + kinds.length, rejected: kinds.length, rows: rows.length },
    diagnostics: {
      counts,
      examples: kinds.map((kind, i) => ({ kind, file: `f${index}`, line: i, message: kind }))
    },
    formats: [index % 2 ? 'csv' : 'json']
  };
}

describe('ResultMerger', () => {
  test('results added in any completion order merge as mergeResults does in task order', () => {
    const cell = fc.constantFrom('1', '2.5', 'x', 'y');
    const task = fc.tuple(
      fc.array(fc.tuple(cell, cell), { maxLength: 5 }),
      fc.array(fc.constantFrom<DiagnosticKind>('malformed_json', 'column_count'), { maxLength: 7 })
    );
    fc.assert(
      fc.property(
        fc
          .array(task, { minLength: 1, maxLength: 6 })
          .chain(tasks =>
            fc.tuple(
              fc.constant(tasks),
              fc.shuffledSubarray([...tasks.keys()], { minLength: tasks.length })
            )
          ),
        ([tasks, order]) => {
          const make = (i: number) => resultOf(i, tasks[i][0], tasks[i][1]);
          const expected = mergeResults(tasks.map((_, i) => make(i)));
          const merger = new ResultMerger();
          order.forEach(i => merger.add(make(i)));
          const merged = merger.result();
          expect(merged.profile.toJSON()).toEqual(expected.profile.toJSON());
          expect(merged.counts).toEqual(expected.counts);
          expect(merged.diagnostics).toEqual(expected.diagnostics);
          expect(merged.formats).toEqual(expected.formats);
        }
      ),
      { numRuns: 200 }
    );
  });
});
