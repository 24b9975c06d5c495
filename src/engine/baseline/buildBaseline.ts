/** A baseline: the statistics of a profile and the constraints suggested from them. */
import { ConstraintsDocument } from '../documents/constraints';
import { AnalyzerGeneration, StatisticsDocument } from '../documents/statistics';
import { DatasetProfile } from '../profile/datasetProfile';
import { suggestConstraints, SuggestOptions } from './suggest';

export interface Baseline {
  statistics: StatisticsDocument;
  constraints: ConstraintsDocument;
}

export function buildBaseline(
  profile: DatasetProfile,
  options: SuggestOptions & { generation?: AnalyzerGeneration } = {}
): Baseline {
  const statistics = profile.toStatistics({ generation: options.generation });
  return { statistics, constraints: suggestConstraints(statistics, options) };
}
