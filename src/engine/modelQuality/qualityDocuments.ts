import { EXTENSION_KEY } from '../documents/fileNames';
import { JsonPath, writeJackson } from '../format/jackson';
import { MetricConstraint } from './qualityConstraints';
import { QualityViolation } from './qualityViolations';

/** Version of the extension object a model-quality run adds to its violations (FORMATS.md §5.4). */
export const CHECKED_CONSTRAINTS_VERSION = 1;

/**
 * Java longs in model-quality files: the item count, confusion-matrix cells and our extension's
 * version; all else doubles.
 */
export function isQualityLongPath(path: JsonPath): boolean {
  const last = path[path.length - 1];
  return (
    last === 'item_count' ||
    path.includes('confusion_matrix') ||
    (path.includes('residual_histogram') && last === 'count') ||
    (path.length === 2 && path[0] === EXTENSION_KEY && last === 'version')
  );
}

/** Writes a model-quality statistics or constraints document (built in SageMaker's key order). */
export function writeQualityDocument(document: unknown): string {
  return writeJackson(document, isQualityLongPath);
}

/**
 * A run's constraint_violations.json. With `checked`, the thresholds the run checked go after
 * `violations` under the extension key (SageMaker readers read only `violations`), so a view of
 * the run folder shows every metric's threshold, met or not, as it was when the run checked it.
 */
export function writeQualityViolations(
  violations: QualityViolation[],
  checked?: Record<string, MetricConstraint>
): string {
  const extension = checked && {
    [EXTENSION_KEY]: { version: CHECKED_CONSTRAINTS_VERSION, checked_constraints: checked }
  };
  return writeJackson({ violations, ...extension }, isQualityLongPath);
}
