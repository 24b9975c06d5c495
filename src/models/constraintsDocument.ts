/**
 * The constraints editor's model: a constraints.json kept as its parsed, key-ordered JSON tree, with
 * edits that return a new draft (the old one is untouched, so undo is the text model's job) and a
 * writer that produces SageMaker's exact layout. Keys the editor does not know (pre-launch names,
 * overrides, anything a tool added) stay where they are.
 */
import { validateDocument } from '../engine/documents/read';
import { InferredType } from '../engine/documents/statistics';
import { isLongPath, JsonPath, parseLenientJson, writeJackson } from '../engine/format';
import { applyShape, CONSTRAINTS_SHAPE } from '../engine/format/keyOrder';
import { CONSTRAINTS_FILE } from '../engine/documents/fileNames';

/** A JSON value as `parseLenientJson(…, { ordered: true })` returns it: objects are Maps. */
export type JsonTree = null | boolean | number | string | JsonTree[] | Map<string, JsonTree>;

export interface ConstraintsDraft {
  readonly tree: JsonTree;
  /** The file's text when the draft was read; written back unchanged while nothing was edited. */
  readonly sourceText: string;
  readonly edited: boolean;
}

export type Flag = 'Enabled' | 'Disabled';
export const FLAGS: readonly Flag[] = ['Enabled', 'Disabled'];
export const INFERRED_TYPES: readonly InferredType[] = [
  'Integral',
  'Fractional',
  'String',
  'Unknown'
];
export const COMPARISON_METHODS = ['Robust', 'Simple'] as const;
export const CATEGORICAL_DRIFT_METHODS = ['LInfinity', 'ChiSquared'] as const;

/** Settings of `monitoring_config` the form edits; `path` is below `monitoring_config`. */
export interface GlobalFieldSpec {
  path: readonly string[];
  kind: 'flag' | 'threshold' | 'choice';
  choices?: readonly string[];
  /** The analyzer's value when the key is absent (FORMATS.md §4.2). */
  fallback?: string | number;
  /** Shown only when the file has the key (newer analyzers write them, older ones do not). */
  optional?: boolean;
}

export const GLOBAL_FIELDS = {
  evaluate_constraints: { path: ['evaluate_constraints'], kind: 'flag', fallback: 'Enabled' },
  emit_metrics: { path: ['emit_metrics'], kind: 'flag', fallback: 'Enabled' },
  datatype_check_threshold: {
    path: ['datatype_check_threshold'],
    kind: 'threshold',
    fallback: 1.0
  },
  domain_content_threshold: {
    path: ['domain_content_threshold'],
    kind: 'threshold',
    fallback: 1.0
  },
  perform_comparison: {
    path: ['distribution_constraints', 'perform_comparison'],
    kind: 'flag',
    fallback: 'Enabled'
  },
  comparison_threshold: {
    path: ['distribution_constraints', 'comparison_threshold'],
    kind: 'threshold',
    fallback: 0.1
  },
  comparison_method: {
    path: ['distribution_constraints', 'comparison_method'],
    kind: 'choice',
    choices: COMPARISON_METHODS,
    fallback: 'Robust'
  },
  categorical_comparison_threshold: {
    path: ['distribution_constraints', 'categorical_comparison_threshold'],
    kind: 'threshold',
    optional: true
  },
  categorical_drift_method: {
    path: ['distribution_constraints', 'categorical_drift_method'],
    kind: 'choice',
    choices: CATEGORICAL_DRIFT_METHODS,
    optional: true
  }
} satisfies Record<string, GlobalFieldSpec>;

export type GlobalField = keyof typeof GLOBAL_FIELDS;

/** Per-feature switches in `string_constraints.monitoring_config_overrides` (SDK spelling). */
export const OVERRIDE_KEYS = ['evaluate_constraints', 'emit_metrics'] as const;
export type OverrideKey = (typeof OVERRIDE_KEYS)[number];

/** One feature as the form shows it. */
export interface FeatureView {
  index: number;
  name: string;
  inferredType: string;
  completeness: number | undefined;
  /** Undefined when the feature has no `num_constraints`. */
  isNonNegative: boolean | undefined;
  /** Undefined when the feature has no `string_constraints`. */
  domains: string[] | undefined;
  /** Override → flag, for the keys present in the file. */
  overrides: Partial<Record<OverrideKey, string>>;
}

export interface GlobalValue {
  field: GlobalField;
  value: string | number | undefined;
  /** True when the file lacks the key and `value` is the analyzer's default. */
  isDefault: boolean;
}

export interface ConstraintsIssue {
  /** JSON path of the field, e.g. `features[2].completeness`. */
  path: string;
  message: string;
}

export class ConstraintsEditError extends Error {}

// Reading and writing

/** Reads a constraints.json text; throws the engine's DocumentSyntaxError (with line and column). */
export function parseConstraintsDraft(text: string): ConstraintsDraft {
  const tree = parseLenientJson(text, { ordered: true }) as JsonTree;
  if (!(tree instanceof Map)) {
    throw new ConstraintsEditError('constraints.json must hold a JSON object');
  }
  return { tree, sourceText: text, edited: false };
}

/** The file's text: the original while untouched, else SageMaker's layout (FORMATS.md §4.1, §6.1). */
export function draftText(draft: ConstraintsDraft): string {
  if (!draft.edited) {
    return draft.sourceText;
  }
  return writeConstraintsTree(draft.tree);
}

export function writeConstraintsTree(tree: JsonTree): string {
  return writeJackson(applyShape(tree, CONSTRAINTS_SHAPE), isLongPath);
}

// Views

/** False for JSON that is not a data-quality constraints.json (e.g. model-quality constraints). */
export function isDataQualityConstraints(draft: ConstraintsDraft): boolean {
  const tree = draft.tree;
  return tree instanceof Map && (tree.has('features') || tree.has('monitoring_config'));
}

export function featureViews(draft: ConstraintsDraft): FeatureView[] {
  const features = getIn(draft.tree, ['features']);
  if (!Array.isArray(features)) {
    return [];
  }
  return features.map((feature, index) => {
    const domains = getIn(feature, ['string_constraints', 'domains']);
    const nonNegative = getIn(feature, ['num_constraints', 'is_non_negative']);
    const completeness = getIn(feature, ['completeness']);
    const overrides: FeatureView['overrides'] = {};
    for (const key of OVERRIDE_KEYS) {
      const value = getIn(feature, ['string_constraints', 'monitoring_config_overrides', key]);
      if (value !== undefined) {
        overrides[key] = displayText(value);
      }
    }
    return {
      index,
      name: displayText(getIn(feature, ['name']) ?? ''),
      inferredType: displayText(getIn(feature, ['inferred_type']) ?? ''),
      completeness: typeof completeness === 'number' ? completeness : undefined,
      isNonNegative: typeof nonNegative === 'boolean' ? nonNegative : undefined,
      domains: Array.isArray(domains) ? domains.map(displayText) : undefined,
      overrides
    };
  });
}

export function globalValue(draft: ConstraintsDraft, field: GlobalField): GlobalValue {
  const spec: GlobalFieldSpec = GLOBAL_FIELDS[field];
  const raw = getIn(draft.tree, ['monitoring_config', ...spec.path]);
  if (raw === undefined) {
    return { field, value: spec.fallback, isDefault: true };
  }
  return { field, value: typeof raw === 'number' ? raw : displayText(raw), isDefault: false };
}

/** The global fields the form shows: all but the optional ones the file lacks. */
export function visibleGlobalFields(draft: ConstraintsDraft): GlobalField[] {
  return (Object.keys(GLOBAL_FIELDS) as GlobalField[]).filter(field => {
    const spec: GlobalFieldSpec = GLOBAL_FIELDS[field];
    return !spec.optional || !globalValue(draft, field).isDefault;
  });
}

// Input checks: each returns the value to store, or a message naming the field.

export type Checked<T> = { value: T } | { error: string };

/** A threshold typed in the form: a number from 0 to 1. */
export function checkThreshold(field: string, input: string): Checked<number> {
  const text = input.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    return { error: `${field}: "${input}" is not a number` };
  }
  if (value < 0 || value > 1) {
    return { error: `${field}: ${text} is outside 0 to 1` };
  }
  return { value };
}

export function checkChoice(
  field: string,
  input: string,
  choices: readonly string[]
): Checked<string> {
  return choices.includes(input)
    ? { value: input }
    : { error: `${field}: "${input}" is not one of ${choices.join(', ')}` };
}

/** A new domain value: not empty and not already in the list. */
export function checkDomainValue(field: string, input: string, domains: string[]): Checked<string> {
  if (input.trim() === '') {
    return { error: `${field}: a domain value cannot be empty` };
  }
  if (domains.includes(input)) {
    return { error: `${field}: "${input}" is already in the domain` };
  }
  return { value: input };
}

/** Checks a typed value of a global field; the caller stores it with `setGlobal`. */
export function checkGlobalInput(field: GlobalField, input: string): Checked<string | number> {
  const spec: GlobalFieldSpec = GLOBAL_FIELDS[field];
  switch (spec.kind) {
    case 'threshold':
      return checkThreshold(field, input);
    case 'flag':
      return checkChoice(field, input, FLAGS);
    default:
      return checkChoice(field, input, spec.choices ?? []);
  }
}

// Edits: each returns a new draft and leaves the given one unchanged.

export function setGlobal(
  draft: ConstraintsDraft,
  field: GlobalField,
  value: string | number
): ConstraintsDraft {
  const checked = checkGlobalInput(field, String(value));
  if ('error' in checked) {
    throw new ConstraintsEditError(checked.error);
  }
  const spec: GlobalFieldSpec = GLOBAL_FIELDS[field];
  return edit(draft, ['monitoring_config', ...spec.path], checked.value);
}

export function setCompleteness(
  draft: ConstraintsDraft,
  index: number,
  value: number
): ConstraintsDraft {
  const checked = checkThreshold(`features[${index}].completeness`, String(value));
  if ('error' in checked) {
    throw new ConstraintsEditError(checked.error);
  }
  return edit(draft, featurePath(draft, index, 'completeness'), checked.value);
}

export function setInferredType(
  draft: ConstraintsDraft,
  index: number,
  value: string
): ConstraintsDraft {
  const checked = checkChoice(`features[${index}].inferred_type`, value, INFERRED_TYPES);
  if ('error' in checked) {
    throw new ConstraintsEditError(checked.error);
  }
  return edit(draft, featurePath(draft, index, 'inferred_type'), checked.value);
}

export function setNonNegative(
  draft: ConstraintsDraft,
  index: number,
  value: boolean
): ConstraintsDraft {
  return edit(draft, featurePath(draft, index, 'num_constraints', 'is_non_negative'), value);
}

export function addDomainValue(
  draft: ConstraintsDraft,
  index: number,
  value: string
): ConstraintsDraft {
  const domains = currentDomains(draft, index);
  const checked = checkDomainValue(`features[${index}].string_constraints.domains`, value, domains);
  if ('error' in checked) {
    throw new ConstraintsEditError(checked.error);
  }
  const path = featurePath(draft, index, 'string_constraints', 'domains');
  return edit(draft, path, [...(getIn(draft.tree, path) as JsonTree[]), checked.value]);
}

export function removeDomainValue(
  draft: ConstraintsDraft,
  index: number,
  position: number
): ConstraintsDraft {
  const path = featurePath(draft, index, 'string_constraints', 'domains');
  const domains = getIn(draft.tree, path);
  if (!Array.isArray(domains) || position < 0 || position >= domains.length) {
    throw new ConstraintsEditError(`features[${index}] has no domain value ${position}`);
  }
  return edit(
    draft,
    path,
    domains.filter((_, i) => i !== position)
  );
}

/** Sets a per-feature override, or with null removes it (and the overrides object once empty). */
export function setOverride(
  draft: ConstraintsDraft,
  index: number,
  key: OverrideKey,
  value: Flag | null
): ConstraintsDraft {
  const overridesPath = featurePath(
    draft,
    index,
    'string_constraints',
    'monitoring_config_overrides'
  );
  if (getIn(draft.tree, featurePath(draft, index, 'string_constraints')) === undefined) {
    throw new ConstraintsEditError(`features[${index}] has no string_constraints to override`);
  }
  if (value !== null) {
    return edit(draft, [...overridesPath, key], value);
  }
  const removed = edit(draft, [...overridesPath, key], undefined);
  const rest = getIn(removed.tree, overridesPath);
  return rest instanceof Map && rest.size === 0 ? edit(removed, overridesPath, undefined) : removed;
}

/** The user's drift defaults (settings) as comparison_threshold and comparison_method, one edit. */
export function applyDriftDefaults(
  draft: ConstraintsDraft,
  threshold: number,
  method: (typeof COMPARISON_METHODS)[number]
): ConstraintsDraft {
  return setGlobal(
    setGlobal(draft, 'comparison_threshold', threshold),
    'comparison_method',
    method
  );
}

// Checking a whole draft

/**
 * Everything wrong with the draft as a constraints.json: the engine's own reading (types, unknown
 * spellings) plus the editor's ranges (thresholds from 0 to 1, no empty domain values).
 */
export function draftIssues(draft: ConstraintsDraft): ConstraintsIssue[] {
  const issues: ConstraintsIssue[] = validateDocument(
    writeConstraintsTree(draft.tree),
    CONSTRAINTS_FILE
  ).map(({ path, message }) => ({ path, message }));
  for (const field of Object.keys(GLOBAL_FIELDS) as GlobalField[]) {
    const { value, isDefault } = globalValue(draft, field);
    if (!isDefault && GLOBAL_FIELDS[field].kind === 'threshold' && typeof value === 'number') {
      addRangeIssue(issues, `monitoring_config.${GLOBAL_FIELDS[field].path.join('.')}`, value);
    }
  }
  for (const feature of featureViews(draft)) {
    const path = `features[${feature.index}]`;
    if (feature.completeness !== undefined) {
      addRangeIssue(issues, `${path}.completeness`, feature.completeness);
    }
    feature.domains?.forEach((value, i) => {
      if (value.trim() === '') {
        issues.push({ path: `${path}.string_constraints.domains[${i}]`, message: 'empty value' });
      }
    });
  }
  return issues;
}

/**
 * How the form names the field at an issue's JSON path: `features[9].completeness` is
 * `monthly_charges completeness`, `monitoring_config.distribution_constraints.comparison_threshold`
 * is `comparison_threshold` (the global field's label); any other path is left as it is.
 */
export function issueFieldLabel(draft: ConstraintsDraft, path: string): string {
  const feature = /^features\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (feature) {
    const name = featureViews(draft)[Number(feature[1])]?.name ?? `feature ${feature[1]}`;
    const field = feature[2]?.replace(/^string_constraints\.domains\[(\d+)\]$/, 'domain value $1');
    return field ? `${name} ${field}` : name;
  }
  const global = /^monitoring_config\.(?:.*\.)?([^.]+)$/.exec(path);
  return global ? global[1] : path;
}

function addRangeIssue(issues: ConstraintsIssue[], path: string, value: number): void {
  if (!(value >= 0 && value <= 1) && !issues.some(issue => issue.path === path)) {
    issues.push({ path, message: `${value} is outside 0 to 1` });
  }
}

// Tree helpers

function edit(
  draft: ConstraintsDraft,
  path: JsonPath,
  value: JsonTree | undefined
): ConstraintsDraft {
  return { tree: setIn(draft.tree, path, value), sourceText: draft.sourceText, edited: true };
}

function featurePath(draft: ConstraintsDraft, index: number, ...rest: string[]): JsonPath {
  const features = getIn(draft.tree, ['features']);
  if (!Array.isArray(features) || !(features[index] instanceof Map)) {
    throw new ConstraintsEditError(`there is no features[${index}]`);
  }
  return ['features', index, ...rest];
}

function currentDomains(draft: ConstraintsDraft, index: number): string[] {
  const domains = getIn(draft.tree, featurePath(draft, index, 'string_constraints', 'domains'));
  if (!Array.isArray(domains)) {
    throw new ConstraintsEditError(`features[${index}] has no string_constraints.domains`);
  }
  return domains.map(displayText);
}

export function getIn(tree: JsonTree | undefined, path: JsonPath): JsonTree | undefined {
  let node = tree;
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
    } else {
      node = node instanceof Map ? node.get(key) : undefined;
    }
  }
  return node;
}

/** A copy of `tree` with `value` at `path` (created as objects where missing); undefined deletes. */
function setIn(tree: JsonTree | undefined, path: JsonPath, value: JsonTree | undefined): JsonTree {
  if (path.length === 0) {
    return value as JsonTree;
  }
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const items = Array.isArray(tree) ? [...tree] : [];
    items[key] = setIn(items[key], rest, value);
    return items;
  }
  const members = new Map(tree instanceof Map ? tree : []);
  const child = rest.length === 0 ? value : setIn(members.get(key), rest, value);
  if (child === undefined) {
    members.delete(key);
  } else {
    members.set(key, child);
  }
  return members;
}

/** Text of a scalar from the file, for display; objects and arrays show as JSON. */
function displayText(value: JsonTree): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value instanceof Map) {
    return JSON.stringify(Object.fromEntries(value));
  }
  return JSON.stringify(value);
}
