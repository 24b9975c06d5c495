import { suggestConstraints } from '../../../src/engine/baseline';
import { replayThresholds } from '../../../src/models/whatIf';
import { fixtureStatistics, shiftedStatistics } from '../fixtureStatistics';

describe('replayThresholds', () => {
  const baseline = fixtureStatistics();
  const saved = suggestConstraints(baseline);

  it('changes nothing when the constraints are not edited', () => {
    const runs = [{ executionId: 'r1', label: 'run 1', statistics: shiftedStatistics('age', 15) }];
    const [run] = replayThresholds(baseline, saved, saved, runs);
    expect(run.saved.length).toBeGreaterThan(0);
    expect(run.edited).toEqual(run.saved);
    expect(run.raised).toEqual([]);
    expect(run.cleared).toEqual([]);
  });

  it('clears drift a looser threshold allows, and raises it again with a stricter one', () => {
    const runs = [
      { executionId: 'drifted', label: 'drifted', statistics: shiftedStatistics('age', 15) },
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
