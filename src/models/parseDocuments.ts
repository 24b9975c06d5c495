/**
 * Recognises the documents this extension renders. Files and MIME bundles come from anywhere, so
 * their shape is checked before any view trusts it.
 */
import { StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import { isQualityStatistics } from './qualityDocument';

export type ParsedDocument =
  | { kind: 'statistics'; document: StatisticsDocument }
  | { kind: 'violations'; document: ViolationsDocument }
  | { kind: 'quality'; document: Record<string, unknown> }
  | { kind: 'unknown'; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A data-quality statistics.json: named features, at least one with numerical or string statistics. */
export function isStatisticsDocument(value: unknown): value is StatisticsDocument {
  if (!isObject(value) || !Array.isArray(value.features)) {
    return false;
  }
  const features = value.features as unknown[];
  const named = features.every(f => isObject(f) && typeof f.name === 'string');
  const withStatistics = features.some(
    f => isObject(f) && (isObject(f.numerical_statistics) || isObject(f.string_statistics))
  );
  return named && withStatistics;
}

/** A constraint_violations.json: a `violations` array of objects. */
export function isViolationsDocument(value: unknown): value is ViolationsDocument {
  return (
    isObject(value) && Array.isArray(value.violations) && value.violations.every(v => isObject(v))
  );
}

export function classifyDocument(value: unknown): ParsedDocument {
  if (isQualityStatistics(value)) {
    return { kind: 'quality', document: value as Record<string, unknown> };
  }
  if (isStatisticsDocument(value)) {
    return { kind: 'statistics', document: value };
  }
  if (isViolationsDocument(value)) {
    return { kind: 'violations', document: value };
  }
  return { kind: 'unknown', reason: 'not-recognised' };
}

/** Parses file text; `reason` is 'empty', 'invalid-json' or 'not-recognised' when it fails. */
export function parseDocumentText(text: string): ParsedDocument {
  if (!text.trim()) {
    return { kind: 'unknown', reason: 'empty' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unknown', reason: 'invalid-json' };
  }
  return classifyDocument(value);
}
