import { ScalarMetrics } from './metricValue';
import { pairCount, QualityPairs, selectPairs } from './qualityPairs';
import { sampleIndices, seededRandom } from './random';

/** AWS: deviations need at least 200 rows; 5 random 80 % subsamples. */
export const MIN_ROWS_FOR_DEVIATION = 200;
const SUBSAMPLES = 5;
const FRACTION = 0.8;

/**
 * Per-metric standard deviation over the subsamples' metric values (sample deviation, n − 1), or
 * NaN for every metric below 200 rows.
 */
export function standardDeviations(
  pairs: QualityPairs,
  compute: (pairs: QualityPairs) => ScalarMetrics,
  seed: number
): Record<string, number> {
  const n = pairCount(pairs);
  if (n < MIN_ROWS_FOR_DEVIATION) {
    return {};
  }
  const random = seededRandom(seed);
  const runs: ScalarMetrics[] = [];
  for (let k = 0; k < SUBSAMPLES; k++) {
    runs.push(compute(selectPairs(pairs, sampleIndices(n, Math.floor(n * FRACTION), random))));
  }
  const deviations: Record<string, number> = {};
  for (const key of Object.keys(runs[0])) {
    deviations[key] = sampleDeviation(runs.map(run => run[key]));
  }
  return deviations;
}

export function sampleDeviation(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0);
  return Math.sqrt(squares / (values.length - 1));
}
