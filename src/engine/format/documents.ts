/**
 * Writers for the files the analyzer writes, with its key order and long/double choices, and
 * `formatDocument`, which re-serialises any of them (data or model quality) exactly as SageMaker would.
 */
import { ConstraintsDocument } from '../documents/constraints';
import { StatisticsDocument } from '../documents/statistics';
import { EXTENSION_KEY, ViolationsDocument } from '../documents/violations';
import { ANY_ITEM, entriesOf, JsonPath, writeJackson } from './jackson';
import {
  applyShape,
  CONSTRAINTS_SHAPE,
  Shape,
  STATISTICS_SHAPE,
  VIOLATIONS_SHAPE
} from './keyOrder';
import { parseLenientJson } from './lenientJson';

export type DocumentKind =
  | 'statistics'
  | 'constraints'
  | 'violations'
  | 'model_quality_statistics'
  | 'model_quality_constraints';

const LONG_KEYS = new Set([
  'item_count',
  'num_present',
  'num_missing',
  'approximate_num_distinct_values'
]);

/** Java longs in SageMaker's files (§6.2); every other number is a double. */
export function isLongPath(path: JsonPath): boolean {
  const key = path[path.length - 1];
  if (typeof key === 'string' && LONG_KEYS.has(key)) {
    return true;
  }
  if (key === 'count' && path.includes('categorical')) {
    return true;
  }
  return path.length === 2 && path[0] === EXTENSION_KEY && key === 'version';
}

export function writeStatistics(doc: StatisticsDocument): string {
  return writeJackson(applyShape(doc, STATISTICS_SHAPE), isLongPath);
}

export function writeConstraints(doc: ConstraintsDocument): string {
  return writeJackson(applyShape(doc, CONSTRAINTS_SHAPE), isLongPath);
}

/**
 * Violations, then the extension key only when present (§8). With none, Jackson's layout gives
 * `{\n  "violations" : [ ]\n}` (FORMATS.md §5.1 writes it inline as `{ "violations" : [ ] }`).
 */
export function writeViolations(doc: ViolationsDocument): string {
  return writeJackson(applyShape(doc, VIOLATIONS_SHAPE), isLongPath);
}

const SHAPES: Partial<Record<DocumentKind, Shape>> = {
  statistics: STATISTICS_SHAPE,
  constraints: CONSTRAINTS_SHAPE,
  violations: VIOLATIONS_SHAPE
};

/** Which SageMaker file a parsed document is, from its top-level keys, else from its file name. */
export function detectDocumentKind(value: unknown, fileName?: string): DocumentKind | undefined {
  const keys =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? entriesOf(value).map(([key]) => key)
      : [];
  if (keys.includes('violations')) {
    return 'violations';
  }
  if (keys.includes('monitoring_config')) {
    return 'constraints';
  }
  if (keys.some(key => key.endsWith('_constraints'))) {
    return 'model_quality_constraints';
  }
  if (keys.some(key => key.endsWith('_metrics'))) {
    return 'model_quality_statistics';
  }
  if (keys.includes('dataset')) {
    return 'statistics';
  }
  return kindFromFileName(fileName);
}

function kindFromFileName(fileName?: string): DocumentKind | undefined {
  const base = (fileName ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (base.includes('violation')) {
    return 'violations';
  }
  if (base.includes('constraint')) {
    return 'constraints';
  }
  return base.includes('statistic') ? 'statistics' : undefined;
}

/** Numbers model-quality files write as doubles even when a user's copy says `0`. */
const MODEL_QUALITY_DOUBLE_KEYS = new Set(['version', 'value', 'standard_deviation', 'threshold']);

/**
 * Re-serialises a SageMaker JSON file as the analyzer writes it (Jackson layout, key order, Java
 * doubles). Numbers at paths no schema covers keep the kind they were written with.
 */
export function formatDocument(text: string, fileName?: string): string {
  const integerLiterals = new Set<string>();
  const value = parseLenientJson(text, {
    ordered: true,
    onIntegerLiteral: path => {
      integerLiterals.add(JSON.stringify(path));
      if (typeof path[path.length - 1] === 'number') {
        // The writer asks about an array's items together first (LongPathPredicate).
        integerLiterals.add(JSON.stringify([...path.slice(0, -1), ANY_ITEM]));
      }
    }
  });
  const kind = detectDocumentKind(value, fileName);
  const shaped = kind ? applyShape(value, SHAPES[kind]) : value;
  const schemaCoversAll = kind === 'statistics' || kind === 'constraints' || kind === 'violations';
  return writeJackson(shaped, path => {
    if (isLongPath(path)) {
      return true;
    }
    if (schemaCoversAll || MODEL_QUALITY_DOUBLE_KEYS.has(String(path[path.length - 1]))) {
      return false;
    }
    return integerLiterals.has(JSON.stringify(path));
  });
}
