import { JsonPath, writeJackson } from '../format/jackson';
import { QualityViolation } from './qualityViolations';

/** Java longs in model-quality files: the item count and confusion-matrix cells; all else doubles. */
export function isQualityLongPath(path: JsonPath): boolean {
  const last = path[path.length - 1];
  return (
    last === 'item_count' ||
    path.includes('confusion_matrix') ||
    (path.includes('residual_histogram') && last === 'count')
  );
}

/** Writes a model-quality statistics or constraints document (built in SageMaker's key order). */
export function writeQualityDocument(document: unknown): string {
  return writeJackson(document, isQualityLongPath);
}

export function writeQualityViolations(violations: QualityViolation[]): string {
  return writeJackson({ violations }, isQualityLongPath);
}
