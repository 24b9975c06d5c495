/**
 * categorical_values_check: the share of non-null current values inside the baseline's
 * `string_constraints.domains` is below `domain_content_threshold` (FORMATS.md §5.2).
 *
 * The share is read from the current categorical buckets, so it cannot be judged when the current
 * statistics have none (more than ~120 distinct values, or a non-String column).
 */
import { Violation } from '../../documents/violations';
import { totalCount } from '../distance/categoricalLInfinity';
import { categoryCounts } from '../featureDistributions';
import { FeatureContext } from './featureContext';
import { requirementNotMetText } from './requirementText';

export function categoricalValuesCheck(context: FeatureContext): Violation | undefined {
  const ratio = domainContentRatio(context);
  if (ratio === undefined || !(ratio < context.settings.domainContentThreshold)) {
    return undefined;
  }
  return {
    feature_name: context.constraint.name,
    constraint_check_type: 'categorical_values_check',
    description: requirementNotMetText(ratio)
  };
}

export function domainContentRatio(context: FeatureContext): number | undefined {
  const domains = context.constraint.string_constraints?.domains;
  const counts = categoryCounts(context.current);
  if (!domains || !counts) {
    return undefined;
  }
  const domain = new Set(domains);
  let inDomain = 0;
  for (const [value, count] of counts) {
    inDomain += domain.has(value) ? count : 0;
  }
  return inDomain / totalCount(counts);
}
