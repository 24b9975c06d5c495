/**
 * Lenient readers for the SageMaker files (FORMATS.md §6.4): any JSON spacing, bare NaN, `0` for
 * `0.0`, "NaN" strings, unknown keys, missing optional keys and the spelling variants of §2/§4.
 * Problems are collected as {path, message} so `validate` can list them all, naming the JSON path.
 */
import { detectDocumentKind, DocumentKind } from '../format/documents';
import { DocumentSyntaxError, parseLenientJson } from '../format/lenientJson';
import {
  ConstraintsDocument,
  DistributionConstraints,
  EnabledFlag,
  FeatureConstraint,
  MonitoringConfig
} from './constraints';
import {
  CategoricalBucket,
  CommonStatistics,
  FeatureStatistics,
  InferredType,
  KllBucket,
  NumericalStatistics,
  StatisticsDocument,
  StringStatistics
} from './statistics';
import { Violation, ViolationsDocument } from './violations';

export interface DocumentIssue {
  /** JSON path of the offending field, e.g. `features[2].inferred_type`; `$` is the whole file. */
  path: string;
  message: string;
}

export class DocumentError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: DocumentIssue[]
  ) {
    super(issues.map(issue => `${fileName}: ${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'DocumentError';
  }
}

export type ReadDocument =
  | { kind: 'statistics'; document: StatisticsDocument }
  | { kind: 'constraints'; document: ConstraintsDocument }
  | { kind: 'violations'; document: ViolationsDocument }
  | { kind: 'model_quality_statistics' | 'model_quality_constraints'; document: unknown };

export function readStatistics(text: string, fileName: string): StatisticsDocument {
  return readAs(text, fileName, 'statistics', toStatistics);
}

export function readConstraints(text: string, fileName: string): ConstraintsDocument {
  return readAs(text, fileName, 'constraints', toConstraints);
}

/** An empty or whitespace-only text reads as no violations. */
export function readViolations(text: string, fileName: string): ViolationsDocument {
  if (text.trim() === '') {
    return { violations: [] };
  }
  return readAs(text, fileName, 'violations', toViolations);
}

/** Reads any SageMaker file, telling which kind it is; throws DocumentError on any issue. */
export function readDocument(text: string, fileName: string): ReadDocument {
  const { result, issues } = interpret(text, fileName);
  if (issues.length > 0 || !result) {
    throw new DocumentError(fileName, issues);
  }
  return result;
}

/** Every problem in a file, for `model-monitor validate`; empty when the file reads cleanly. */
export function validateDocument(text: string, fileName: string): DocumentIssue[] {
  return interpret(text, fileName).issues;
}

function readAs<T>(
  text: string,
  fileName: string,
  kind: DocumentKind,
  convert: (value: unknown, r: FieldReader) => T
): T {
  const r = new FieldReader();
  const value = parse(text, r);
  const document = r.issues.length === 0 ? convert(value, r) : undefined;
  if (r.issues.length > 0 || document === undefined) {
    throw new DocumentError(fileName, r.issues);
  }
  return document;
}

function interpret(
  text: string,
  fileName: string
): { result?: ReadDocument; issues: DocumentIssue[] } {
  const r = new FieldReader();
  const value = parse(text, r);
  if (r.issues.length > 0) {
    return { issues: r.issues };
  }
  const kind = detectDocumentKind(value, fileName);
  let result: ReadDocument | undefined;
  switch (kind) {
    case 'statistics':
      result = { kind, document: toStatistics(value, r) };
      break;
    case 'constraints':
      result = { kind, document: toConstraints(value, r) };
      break;
    case 'violations':
      result = { kind, document: toViolations(value, r) };
      break;
    case 'model_quality_statistics':
    case 'model_quality_constraints':
      checkModelQuality(value, r);
      result = { kind, document: value };
      break;
    default:
      r.issue('$', 'not a statistics, constraints or constraint_violations document');
  }
  return { result, issues: r.issues };
}

function parse(text: string, r: FieldReader): unknown {
  try {
    return parseLenientJson(text);
  } catch (error) {
    if (!(error instanceof DocumentSyntaxError)) {
      throw error;
    }
    r.issue('$', `invalid JSON: ${error.message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// statistics.json

const INFERRED_TYPES: Record<string, InferredType> = {
  integral: 'Integral',
  fractional: 'Fractional',
  string: 'String',
  unknown: 'Unknown',
  boolean: 'String'
};

function toStatistics(value: unknown, r: FieldReader): StatisticsDocument {
  const root = r.object(value, '$') ?? {};
  const dataset = r.object(root.dataset, 'dataset') ?? {};
  return {
    version: r.number(root.version, 'version', 0),
    dataset: { item_count: r.count(dataset.item_count, 'dataset.item_count') },
    features: r
      .array(root.features, 'features')
      .map((f, i) => toFeatureStatistics(f, `features[${i}]`, r))
  };
}

function toFeatureStatistics(value: unknown, path: string, r: FieldReader): FeatureStatistics {
  const obj = r.object(value, path) ?? {};
  const feature: FeatureStatistics = {
    name: r.string(obj.name, `${path}.name`),
    inferred_type: r.inferredType(obj.inferred_type, `${path}.inferred_type`)
  };
  if (obj.numerical_statistics !== undefined) {
    feature.numerical_statistics = toNumerical(
      obj.numerical_statistics,
      `${path}.numerical_statistics`,
      r
    );
  }
  if (obj.string_statistics !== undefined) {
    feature.string_statistics = toStringStats(
      obj.string_statistics,
      `${path}.string_statistics`,
      r
    );
  }
  return feature;
}

function toCommon(value: unknown, path: string, r: FieldReader): CommonStatistics {
  const obj = r.object(value, path) ?? {};
  return {
    num_present: r.count(obj.num_present, `${path}.num_present`),
    num_missing: r.count(obj.num_missing, `${path}.num_missing`)
  };
}

function toNumerical(value: unknown, path: string, r: FieldReader): NumericalStatistics {
  const obj = r.object(value, path) ?? {};
  const stats: NumericalStatistics = {
    common: toCommon(obj.common, `${path}.common`, r),
    mean: r.number(obj.mean, `${path}.mean`),
    sum: r.number(obj.sum, `${path}.sum`),
    std_dev: r.number(obj.std_dev, `${path}.std_dev`),
    min: r.number(obj.min, `${path}.min`),
    max: r.number(obj.max, `${path}.max`)
  };
  r.optional(obj, 'approximate_num_distinct_values', path, (v, p) => {
    stats.approximate_num_distinct_values = r.count(v, p);
  });
  r.optional(obj, 'completeness', path, (v, p) => {
    stats.completeness = r.number(v, p);
  });
  const kll = r.object(
    r.object(obj.distribution, `${path}.distribution`, true)?.kll,
    `${path}.distribution.kll`,
    true
  );
  if (kll) {
    stats.distribution = { kll: toKll(kll, `${path}.distribution.kll`, r) };
  }
  return stats;
}

/**
 * A sketch level holds thousands of numbers: checked in a loop, without a call or a path per item
 * (this runs unoptimized on small inputs); paths are made only when some item is not a number.
 */
function sketchLevel(items: unknown[], path: string, r: FieldReader): number[] {
  for (let j = 0; j < items.length; j++) {
    if (typeof items[j] !== 'number') {
      return items.map((x, i) => (typeof x === 'number' ? x : r.number(x, `${path}[${i}]`)));
    }
  }
  return items as number[];
}

function toKll(obj: Record<string, unknown>, path: string, r: FieldReader) {
  const sketch = r.object(obj.sketch, `${path}.sketch`) ?? {};
  const parameters = r.object(sketch.parameters, `${path}.sketch.parameters`) ?? {};
  const buckets: KllBucket[] = r.array(obj.buckets, `${path}.buckets`).map((b, i) => {
    const p = `${path}.buckets[${i}]`;
    const bucket = r.object(b, p) ?? {};
    return {
      lower_bound: r.number(bucket.lower_bound, `${p}.lower_bound`),
      upper_bound: r.number(bucket.upper_bound, `${p}.upper_bound`),
      count: r.number(bucket.count, `${p}.count`)
    };
  });
  const data = r.array(sketch.data, `${path}.sketch.data`).map((level, h) => {
    const levelPath = `${path}.sketch.data[${h}]`;
    return sketchLevel(r.array(level, levelPath), levelPath, r);
  });
  return {
    buckets,
    sketch: {
      parameters: {
        c: r.number(parameters.c, `${path}.sketch.parameters.c`, 0.64),
        k: r.number(parameters.k, `${path}.sketch.parameters.k`, 2048)
      },
      data
    }
  };
}

function toStringStats(value: unknown, path: string, r: FieldReader): StringStatistics {
  const obj = r.object(value, path) ?? {};
  const stats: StringStatistics = {
    common: toCommon(obj.common, `${path}.common`, r),
    distinct_count: r.number(obj.distinct_count, `${path}.distinct_count`)
  };
  r.optional(obj, 'completeness', path, (v, p) => {
    stats.completeness = r.number(v, p);
  });
  const categorical = r.object(
    r.object(obj.distribution, `${path}.distribution`, true)?.categorical,
    `${path}.distribution.categorical`,
    true
  );
  if (categorical) {
    const bp = `${path}.distribution.categorical.buckets`;
    const buckets: CategoricalBucket[] = r.array(categorical.buckets, bp).map((b, i) => {
      const bucket = r.object(b, `${bp}[${i}]`) ?? {};
      return {
        value: r.scalarText(bucket.value, `${bp}[${i}].value`),
        count: r.count(bucket.count, `${bp}[${i}].count`)
      };
    });
    stats.distribution = { categorical: { buckets } };
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// constraints.json

function toConstraints(value: unknown, r: FieldReader): ConstraintsDocument {
  const root = r.object(value, '$') ?? {};
  return {
    version: r.number(root.version, 'version', 0),
    features: r
      .array(root.features, 'features')
      .map((f, i) => toFeatureConstraint(f, `features[${i}]`, r)),
    monitoring_config: toMonitoringConfig(root.monitoring_config, 'monitoring_config', r)
  };
}

function toFeatureConstraint(value: unknown, path: string, r: FieldReader): FeatureConstraint {
  const obj = r.object(value, path) ?? {};
  const feature: FeatureConstraint = {
    name: r.string(obj.name, `${path}.name`),
    inferred_type: r.inferredType(obj.inferred_type, `${path}.inferred_type`),
    completeness: r.number(obj.completeness, `${path}.completeness`, 0)
  };
  const num = r.object(obj.num_constraints, `${path}.num_constraints`, true);
  if (num) {
    feature.num_constraints = {
      is_non_negative: r.boolean(
        num.is_non_negative,
        `${path}.num_constraints.is_non_negative`,
        false
      )
    };
  }
  const str = r.object(obj.string_constraints, `${path}.string_constraints`, true);
  if (str) {
    const dp = `${path}.string_constraints.domains`;
    feature.string_constraints = {
      domains: r.array(str.domains, dp).map((d, i) => r.scalarText(d, `${dp}[${i}]`))
    };
  }
  return feature;
}

const COMPARISON_METHODS: Record<string, DistributionConstraints['comparison_method']> = {
  robust: 'Robust',
  simple: 'Simple',
  linf_robust: 'Robust',
  linf_simple: 'Simple'
};

const DRIFT_METHODS: Record<string, 'LInfinity' | 'ChiSquared'> = {
  linfinity: 'LInfinity',
  chisquared: 'ChiSquared'
};

/** Missing keys take the analyzer's defaults; the categorical_* keys stay absent when absent. */
function toMonitoringConfig(value: unknown, path: string, r: FieldReader): MonitoringConfig {
  const obj = r.object(value, path, true) ?? {};
  const dp = `${path}.distribution_constraints`;
  const dist = r.object(obj.distribution_constraints, dp, true) ?? {};
  const performDefault =
    typeof dist.enable_comparisons === 'boolean' ? dist.enable_comparisons : true;
  const distribution: DistributionConstraints = {
    perform_comparison: r.flag(dist.perform_comparison, `${dp}.perform_comparison`, performDefault),
    comparison_threshold: r.number(dist.comparison_threshold, `${dp}.comparison_threshold`, 0.1),
    comparison_method: r.choice(
      dist.comparison_method,
      `${dp}.comparison_method`,
      COMPARISON_METHODS,
      'Robust'
    )
  };
  r.optional(dist, 'categorical_comparison_threshold', dp, (v, p) => {
    distribution.categorical_comparison_threshold = r.number(v, p);
  });
  r.optional(dist, 'categorical_drift_method', dp, (v, p) => {
    distribution.categorical_drift_method = r.choice(v, p, DRIFT_METHODS, 'LInfinity');
  });
  return {
    evaluate_constraints: r.flag(obj.evaluate_constraints, `${path}.evaluate_constraints`, true),
    emit_metrics: r.flag(obj.emit_metrics, `${path}.emit_metrics`, true),
    datatype_check_threshold: r.number(
      obj.datatype_check_threshold,
      `${path}.datatype_check_threshold`,
      1.0
    ),
    domain_content_threshold: r.number(
      obj.domain_content_threshold,
      `${path}.domain_content_threshold`,
      1.0
    ),
    distribution_constraints: distribution
  };
}

// ---------------------------------------------------------------------------------------------
// constraint_violations.json

function toViolations(value: unknown, r: FieldReader): ViolationsDocument {
  const root = r.object(value, '$') ?? {};
  const violations = r.array(root.violations, 'violations').map((v, i) => {
    const path = `violations[${i}]`;
    const obj = r.object(v, path) ?? {};
    const violation: Violation = {
      feature_name: r.string(obj.feature_name ?? obj.metric_name, `${path}.feature_name`),
      constraint_check_type: r.string(obj.constraint_check_type, `${path}.constraint_check_type`),
      description: r.string(obj.description, `${path}.description`, '')
    };
    return violation;
  });
  const document: ViolationsDocument = { violations };
  const extension = root['x-jupyterlab-model-monitor'];
  if (extension !== undefined) {
    document['x-jupyterlab-model-monitor'] =
      extension as ViolationsDocument['x-jupyterlab-model-monitor'];
  }
  return document;
}

// ---------------------------------------------------------------------------------------------
// model-quality files: checked, passed through as parsed

function checkModelQuality(value: unknown, r: FieldReader): void {
  const root = r.object(value, '$') ?? {};
  r.number(root.version, 'version', 0);
  for (const [key, group] of Object.entries(root)) {
    if (!key.endsWith('_metrics') && !key.endsWith('_constraints')) {
      continue;
    }
    for (const [metric, entry] of Object.entries(r.object(group, key) ?? {})) {
      const obj = r.object(entry, `${key}.${metric}`, true) ?? {};
      for (const field of ['value', 'standard_deviation', 'threshold']) {
        r.optional(obj, field, `${key}.${metric}`, (v, p) => r.number(v, p));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Typed access to parsed JSON that records, rather than throws, what is wrong and where. */
class FieldReader {
  readonly issues: DocumentIssue[] = [];

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string, optional = false): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    if (!(optional && value === undefined)) {
      this.issue(
        path,
        value === undefined ? 'missing object' : `expected an object, found ${describe(value)}`
      );
    }
    return undefined;
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) {
      return value;
    }
    this.issue(
      path,
      value === undefined ? 'missing list' : `expected a list, found ${describe(value)}`
    );
    return [];
  }

  /** A double: a number, or "NaN" / "Infinity" / "-Infinity" / a numeric string. */
  number(value: unknown, path: string, fallback?: number): number {
    if (typeof value === 'number') {
      return value;
    }
    if (value === undefined && fallback !== undefined) {
      return fallback;
    }
    if (typeof value === 'string' && (value === 'NaN' || isNumericText(value))) {
      return Number(value);
    }
    this.issue(
      path,
      value === undefined ? 'missing number' : `expected a number, found ${describe(value)}`
    );
    return NaN;
  }

  /** A long: a non-negative integer. */
  count(value: unknown, path: string): number {
    const n = this.number(value, path);
    if (!Number.isNaN(n) && !(Number.isInteger(n) && n >= 0)) {
      this.issue(path, `expected a non-negative integer, found ${describe(value)}`);
    }
    return n;
  }

  string(value: unknown, path: string, fallback?: string): string {
    if (typeof value === 'string') {
      return value;
    }
    if (value === undefined && fallback !== undefined) {
      return fallback;
    }
    this.issue(
      path,
      value === undefined ? 'missing string' : `expected a string, found ${describe(value)}`
    );
    return '';
  }

  /** Category values and domains: strings, but numbers and booleans are taken as their text. */
  scalarText(value: unknown, path: string): string {
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    return this.string(value, path);
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (typeof value === 'boolean') {
      return value;
    }
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
      return value.toLowerCase() === 'true';
    }
    if (value !== undefined) {
      this.issue(path, `expected true or false, found ${describe(value)}`);
    }
    return fallback;
  }

  flag(value: unknown, path: string, fallbackEnabled: boolean): EnabledFlag {
    if (typeof value === 'boolean') {
      return value ? 'Enabled' : 'Disabled';
    }
    const fallback: EnabledFlag = fallbackEnabled ? 'Enabled' : 'Disabled';
    return this.choice(value, path, { enabled: 'Enabled', disabled: 'Disabled' }, fallback);
  }

  inferredType(value: unknown, path: string): InferredType {
    const type = typeof value === 'string' ? INFERRED_TYPES[value.toLowerCase()] : undefined;
    if (type) {
      return type;
    }
    this.issue(path, `expected Integral, Fractional, String or Unknown, found ${describe(value)}`);
    return 'Unknown';
  }

  /** One of a set of spellings, matched case-insensitively. */
  choice<T>(value: unknown, path: string, spellings: Record<string, T>, fallback: T): T {
    if (value === undefined) {
      return fallback;
    }
    const chosen = typeof value === 'string' ? spellings[value.toLowerCase()] : undefined;
    if (chosen === undefined) {
      const allowed = [...new Set(Object.values(spellings))].join(', ');
      this.issue(path, `expected one of ${allowed}, found ${describe(value)}`);
      return fallback;
    }
    return chosen;
  }

  optional(
    obj: Record<string, unknown>,
    key: string,
    parent: string,
    read: (v: unknown, path: string) => void
  ): void {
    if (obj[key] !== undefined) {
      read(obj[key], parent === '$' ? key : `${parent}.${key}`);
    }
  }
}

function isNumericText(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
