import { resultTabLabel } from '../../../src/models/resultTabLabel';

describe('resultTabLabel', () => {
  it.each([
    ['monitoring/churn/2026/11/01/13/statistics.json', 'churn 11-01 13:00 · statistics.json'],
    [
      'monitoring/churn/2026/11/01/13-30/constraint_violations.json',
      'churn 11-01 13:30 · constraint_violations.json'
    ],
    [
      'monitoring/churn/manual/2026-11-01T13-05-09Z-1a2b3c4d/statistics.json',
      'churn manual 11-01 13:05 · statistics.json'
    ],
    ['data/training-baseline/constraints.json', 'training-baseline · constraints.json'],
    ['2026/11/01/13/statistics.json', '11-01 13:00 · statistics.json'],
    ['statistics.json', 'statistics.json'],
    // Not a real hour: a folder like any other.
    ['runs/2026/11/01/1/statistics.json', '1 · statistics.json']
  ])('%s → %s', (path, label) => {
    expect(resultTabLabel(path)).toBe(label);
  });

  it('tells apart, in the first 20 characters Lab shows, the tabs Open results showed alike', () => {
    const labels = [
      'baseline/statistics.json',
      'monitoring/churn/2026/11/01/13/statistics.json',
      'monitoring/churn/2026/11/01/14/statistics.json'
    ].map(path => resultTabLabel(path).slice(0, 20));
    expect(new Set(labels).size).toBe(3);
  });
});
