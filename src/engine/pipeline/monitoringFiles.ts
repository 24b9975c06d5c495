import { StatisticsDocument } from '../documents/statistics';
import { ViolationsDocument } from '../documents/violations';
import { STATISTICS_FILE, VIOLATIONS_FILE } from '../documents/fileNames';
import { writeStatistics, writeViolations } from '../format';

/**
 * A monitoring result's SageMaker files: `statistics.json` and `constraint_violations.json`, or
 * only the violations when columns are missing, as SageMaker writes them (FORMATS.md §5.2).
 */
export function monitoringFiles(
  statistics: StatisticsDocument,
  violations: ViolationsDocument
): Record<string, string> {
  const missingColumns = violations.violations.some(
    v => v.constraint_check_type === 'missing_column_check'
  );
  return {
    ...(missingColumns ? {} : { [STATISTICS_FILE]: writeStatistics(statistics) }),
    [VIOLATIONS_FILE]: writeViolations(violations)
  };
}
