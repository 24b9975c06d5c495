/**
 * missing_column_check: the current data has fewer columns than the baseline constraints. Real runs
 * then report this one violation and nothing else (FORMATS.md §5.2).
 */
import { Violation } from '../../documents/violations';

export function missingColumnCheck(
  currentColumns: number,
  baselineColumns: number
): Violation | undefined {
  if (!(currentColumns < baselineColumns)) {
    return undefined;
  }
  return {
    feature_name: 'Missing columns',
    constraint_check_type: 'missing_column_check',
    description:
      'There are missing columns in current dataset. ' +
      `Number of columns in current dataset: ${currentColumns}, ` +
      `Number of columns in baseline constraints: ${baselineColumns}`
  };
}
