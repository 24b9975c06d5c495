import { driftDescription } from '../../../src/engine/monitor/checks/baselineDriftCheck';
import { parseDriftDistance } from '../../../src/engine/monitor/parseDriftDistance';

describe('parseDriftDistance', () => {
  it('reads the text we write', () => {
    expect(parseDriftDistance('Baseline drift distance: 0.2195 exceeds threshold: 0.1')).toEqual({
      distance: 0.2195,
      threshold: 0.1
    });
  });

  it('reads the text quoted from real output', () => {
    expect(parseDriftDistance('Numerical distance: 0.57 exceeds numerical threshold: 0.5')).toEqual(
      {
        distance: 0.57,
        threshold: 0.5
      }
    );
  });

  it('round-trips our descriptions, Java exponents included', () => {
    for (const [distance, threshold] of [
      [0.30000000000000004, 0.1],
      [1.5e-7, 9.99e-4],
      [12345678.9, 1e7]
    ]) {
      expect(parseDriftDistance(driftDescription(distance, threshold))).toEqual({
        distance,
        threshold
      });
    }
  });

  it('returns undefined for other texts', () => {
    expect(
      parseDriftDistance('Value: 0.0 does not meet the constraint requirement! ')
    ).toBeUndefined();
    expect(
      parseDriftDistance('Baseline drift distance: abc exceeds threshold: 0.1')
    ).toBeUndefined();
  });
});
