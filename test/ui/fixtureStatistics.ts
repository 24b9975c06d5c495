import * as fs from 'fs';
import * as path from 'path';

import { readStatistics } from '../../src/engine/documents/read';
import { StatisticsDocument } from '../../src/engine/documents/statistics';

const STATISTICS = path.resolve(__dirname, '../e2e/fixtures/results/statistics.json');

/** The e2e fixture statistics.json (age, income, occupation, a hostile name, city). */
export function fixtureStatistics(): StatisticsDocument {
  return readStatistics(fs.readFileSync(STATISTICS, 'utf-8'), 'statistics.json');
}

/** The fixture with every value of numeric `feature` moved by `by` (its KLL shifted): it drifts. */
export function shiftedStatistics(feature: string, by: number): StatisticsDocument {
  const current = JSON.parse(fs.readFileSync(STATISTICS, 'utf-8'));
  const numeric = current.features.find((f: any) => f.name === feature).numerical_statistics;
  numeric.distribution.kll.sketch.data = numeric.distribution.kll.sketch.data.map(
    (level: number[]) => level.map(v => v + by)
  );
  for (const bucket of numeric.distribution.kll.buckets) {
    bucket.lower_bound += by;
    bucket.upper_bound += by;
  }
  return readStatistics(JSON.stringify(current), 'current.json');
}
