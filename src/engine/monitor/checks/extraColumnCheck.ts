/**
 * extra_column_check: the current data has more columns than the baseline constraints. The text
 * mirrors the real missing-column one (FORMATS.md §5.2; not seen in a real file).
 */
import { Violation } from '../../documents/violations';

export function extraColumnCheck(
  currentColumns: number,
  baselineColumns: number
): Violation | undefined {
  if (!(currentColumns > baselineColumns)) {
    return undefined;
  }
  return {
    feature_name: 'Extra columns',
    constraint_check_type: 'extra_column_check',
    description:
      'There are extra columns in current dataset. ' +
      `Number of columns in current dataset: ${currentColumns}, ` +
      `Number of columns in baseline constraints: ${baselineColumns}`
  };
}
