/**
 * completeness_check: the current share of non-null values is below the feature's `completeness`
 * (strictly; the docs' "exceeds" is not what real files show, FORMATS.md §5.2).
 */
import { Violation } from '../../documents/violations';
import { commonStatistics } from '../featureDistributions';
import { FeatureContext } from './featureContext';
import { requirementNotMetText } from './requirementText';

export function completenessCheck(context: FeatureContext): Violation | undefined {
  const required = Number(context.constraint.completeness);
  const observed = currentCompleteness(context);
  if (observed === undefined || Number.isNaN(required) || !(observed < required)) {
    return undefined;
  }
  return {
    feature_name: context.constraint.name,
    constraint_check_type: 'completeness_check',
    description: requirementNotMetText(observed)
  };
}

/** num_present / item_count; an all-null feature has no statistics object, hence 0. */
export function currentCompleteness(context: FeatureContext): number | undefined {
  if (!(context.currentItemCount > 0)) {
    return undefined;
  }
  const present = commonStatistics(context.current)?.num_present ?? 0;
  return present / context.currentItemCount;
}
