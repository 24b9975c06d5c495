/** Everything a monitoring run compares: the baseline documents and the current window's profile. */
import { ConstraintsDocument } from '../documents/constraints';
import { StatisticsDocument } from '../documents/statistics';
import { DriftTestOptions } from './driftTests/driftTestOptions';
import { TypeCounts } from './typeCounts';

export interface MonitorInput {
  baselineStatistics: StatisticsDocument;
  constraints: ConstraintsDocument;
  currentStatistics: StatisticsDocument;
  /** By feature name, from the current profile. */
  currentTypeCounts: Record<string, TypeCounts>;
  /** Extension drift tests (FORMATS.md §8); omitted tests run with their default thresholds. */
  driftTests?: DriftTestOptions;
}
