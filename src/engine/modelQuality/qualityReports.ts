import { DataError } from '../errors';
import { constraintsKey, ProblemType } from './problemType';
import { suggestQualityConstraints } from './qualityConstraints';
import { writeQualityDocument, writeQualityViolations } from './qualityDocuments';
import { QualityPairs } from './qualityPairs';
import { QualityOptions, qualityStatistics, QualityStatistics } from './qualityStatistics';
import { checkedConstraints, checkQuality, QualityViolation } from './qualityViolations';

export interface QualityBaselineFiles {
  statistics: QualityStatistics;
  files: { 'statistics.json': string; 'constraints.json': string };
}

export interface QualityMonitorFiles {
  statistics: QualityStatistics;
  violations: QualityViolation[];
  files: { 'statistics.json': string; 'constraint_violations.json': string };
}

function requireRows(pairs: QualityPairs): void {
  if (pairs.actual.length === 0) {
    throw new DataError('no rows with both a prediction and a label');
  }
}

export function qualityBaseline(
  pairs: QualityPairs,
  options: QualityOptions
): QualityBaselineFiles {
  requireRows(pairs);
  const statistics = qualityStatistics(pairs, options);
  const constraints = suggestQualityConstraints(statistics, options.problemType);
  return {
    statistics,
    files: {
      'statistics.json': writeQualityDocument(statistics),
      'constraints.json': writeQualityDocument(constraints)
    }
  };
}

export function qualityMonitor(
  pairs: QualityPairs,
  constraintsText: string,
  options: QualityOptions
): QualityMonitorFiles {
  requireRows(pairs);
  const constraints = parseQualityConstraints(constraintsText, options.problemType);
  const statistics = qualityStatistics(pairs, options);
  const violations = checkQuality(statistics, constraints, options.problemType);
  return {
    statistics,
    violations,
    files: {
      'statistics.json': writeQualityDocument(statistics),
      'constraint_violations.json': writeQualityViolations(
        violations,
        checkedConstraints(constraints, options.problemType)
      )
    }
  };
}

export function parseQualityConstraints(
  text: string,
  problemType: ProblemType
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(`baseline constraints are not JSON: ${(error as Error).message}`);
  }
  const key = constraintsKey(problemType);
  const section = (value as Record<string, unknown> | null)?.[key];
  if (section === null || typeof section !== 'object') {
    throw new DataError(`baseline constraints have no "${key}" (is the problem type right?)`);
  }
  return value as Record<string, unknown>;
}
