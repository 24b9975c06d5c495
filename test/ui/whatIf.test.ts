import * as fs from 'fs';
import * as path from 'path';

import { suggestConstraints } from '../../src/engine/baseline';
import { readStatistics } from '../../src/engine/documents/read';
import { replayThresholds } from '../../src/models/whatIf';

const FIXTURES = path.resolve(__dirname, '../e2e/fixtures/results');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf-8');

describe('replayThresholds', () => {
  const baseline = readStatistics(read('statistics.json'), 'statistics.json');
  const saved = suggestConstraints(baseline);

  /** The baseline with every age 15 years older (its KLL shifted): age drifts. */
  function shiftedAge() {
    const current = JSON.parse(read('statistics.json'));
    const age = current.features.find((f: any) => f.name === 'age').numerical_statistics;
    age.distribution.kll.sketch.data = age.distribution.kll.sketch.data.map((level: number[]) =>
      level.map(v => v + 15)
    );
    for (const bucket of age.distribution.kll.buckets) {
      bucket.lower_bound += 15;
      bucket.upper_bound += 15;
    }
    return readStatistics(JSON.stringify(current), 'current.json');
  }

  it('changes nothing when the constraints are not edited', () => {
    const runs = [{ executionId: 'r1', label: 'run 1', statistics: shiftedAge() }];
    const [run] = replayThresholds(baseline, saved, saved, runs);
    expect(run.saved.length).toBeGreaterThan(0);
    expect(run.edited).toEqual(run.saved);
    expect(run.raised).toEqual([]);
    expect(run.cleared).toEqual([]);
  });

  it('clears drift a looser threshold allows, and raises it again with a stricter one', () => {
    const runs = [
      { executionId: 'drifted', label: 'drifted', statistics: shiftedAge() },
      { executionId: 'same', label: 'same', statistics: baseline }
    ];
    const loose = JSON.parse(JSON.stringify(saved)) as typeof saved;
    loose.monitoring_config!.distribution_constraints!.comparison_threshold = 0.99;
    const [drifted, same] = replayThresholds(baseline, saved, loose, runs);
    const drift = (v: { constraint_check_type: string }) =>
      v.constraint_check_type === 'baseline_drift_check';
    expect(drifted.saved.filter(drift).map(v => v.feature_name)).toContain('age');
    expect(drifted.cleared.filter(drift).map(v => v.feature_name)).toContain('age');
    expect(drifted.raised).toEqual([]);
    expect(same.raised).toEqual([]);
    expect(same.cleared).toEqual([]);

    const [back] = replayThresholds(baseline, loose, saved, runs.slice(0, 1));
    expect(back.raised.filter(drift).map(v => v.feature_name)).toContain('age');
  });
});
