/**
 * data_type_check: the share of non-null current values that match the baseline type is below
 * `datatype_check_threshold` (FORMATS.md §5.2).
 */
import { Violation } from '../../documents/violations';
import { formatJavaDouble } from '../../format/javaDouble';
import { countMatching, nonNullCount } from '../typeCounts';
import { FeatureContext } from './featureContext';

export function dataTypeCheck(context: FeatureContext): Violation | undefined {
  const ratio = dataTypeMatchRatio(context);
  const threshold = context.settings.datatypeCheckThreshold;
  if (ratio === undefined || !(ratio < threshold)) {
    return undefined;
  }
  const type = context.constraint.inferred_type;
  return {
    feature_name: context.constraint.name,
    constraint_check_type: 'data_type_check',
    description:
      `Data type match requirement is not met. Expected data type: ${type}, ` +
      `Expected match: ${formatJavaDouble(threshold * 100)}%. ` +
      `Observed: Only ${formatJavaDouble(ratio * 100)}% of data is ${type}.`
  };
}

/** Undefined when there is nothing to judge: no counts, no non-null value, or an Unknown baseline. */
export function dataTypeMatchRatio(context: FeatureContext): number | undefined {
  const counts = context.typeCounts;
  if (!counts) {
    return undefined;
  }
  const present = nonNullCount(counts);
  const matching = countMatching(counts, context.constraint.inferred_type);
  return matching === undefined || present === 0 ? undefined : matching / present;
}
