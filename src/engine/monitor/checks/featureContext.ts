/** What the per-feature checks see: one baseline constraint and the matching current data. */
import { FeatureConstraint } from '../../documents/constraints';
import { FeatureStatistics } from '../../documents/statistics';
import { MonitoringSettings } from '../monitoringSettings';
import { TypeCounts } from '../typeCounts';

export interface FeatureContext {
  constraint: FeatureConstraint;
  /** The baseline statistics of the same name, if written. */
  baseline: FeatureStatistics | undefined;
  current: FeatureStatistics;
  typeCounts: TypeCounts | undefined;
  currentItemCount: number;
  settings: MonitoringSettings;
}
