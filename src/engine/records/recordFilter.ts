/**
 * Which cells of a feature a drill-down asks for: the records behind a histogram bin or a
 * violation. Each kind judges a cell's text as the profile does (Deequ's number grammar, null for
 * missing) against what the baseline says about the feature.
 */
import { ConstraintsDocument } from '../documents/constraints';
import { FeatureStatistics, InferredType, StatisticsDocument } from '../documents/statistics';
import { DataError } from '../errors';
import { scanText, TextScan } from '../profile/textScan';
import { ValueType } from '../profile/typeInference';

export type RecordMatch =
  /** Numbers in [lower, upper), or [lower, upper] for a histogram's last bin. */
  | { kind: 'bin'; lower: number; upper: number; includeUpper?: boolean }
  /** Numbers below the baseline's min or above its max. */
  | { kind: 'outside_range' }
  /** Values outside the baseline constraints' domain (else its categorical buckets). */
  | { kind: 'unseen_category' }
  | { kind: 'missing' }
  /** Present values the baseline's type does not admit (data_type_check's rule). */
  | { kind: 'wrong_type' };

export const RECORD_MATCH_KINDS = [
  'bin',
  'outside_range',
  'unseen_category',
  'missing',
  'wrong_type'
] as const;

/** True for a cell (its text, null when missing) the query asks for. */
export type CellFilter = (text: string | null) => boolean;

export function recordFilter(
  feature: string,
  match: RecordMatch,
  statistics: StatisticsDocument,
  constraints?: ConstraintsDocument
): CellFilter {
  const baseline = statistics.features.find(f => f.name === feature);
  if (!baseline) {
    throw new DataError(`feature ${JSON.stringify(feature)} is not in the baseline statistics`);
  }
  const scan: TextScan = { type: 'string', value: NaN };
  const numberOf = (text: string): number => {
    scanText(text, scan);
    return scan.type === 'integral' || scan.type === 'fractional' ? scan.value : NaN;
  };
  switch (match.kind) {
    case 'missing':
      return text => text === null;
    case 'bin':
      return binFilter(match, numberOf);
    case 'outside_range':
      return rangeFilter(baseline, numberOf);
    case 'unseen_category':
      return categoryFilter(baseline, constraints);
    case 'wrong_type': {
      const admits = admittedTypes(baseline.inferred_type, feature);
      return text => {
        if (text === null) {
          return false;
        }
        scanText(text, scan);
        return !admits.has(scan.type);
      };
    }
  }
}

function binFilter(
  match: { lower: number; upper: number; includeUpper?: boolean },
  numberOf: (text: string) => number
): CellFilter {
  const { lower, upper, includeUpper } = match;
  if (!(lower <= upper)) {
    throw new DataError(`a bin needs lower <= upper (got ${lower} and ${upper})`);
  }
  return text => {
    const value = text === null ? NaN : numberOf(text);
    return value >= lower && (value < upper || (!!includeUpper && value === upper));
  };
}

function rangeFilter(baseline: FeatureStatistics, numberOf: (text: string) => number): CellFilter {
  const numbers = baseline.numerical_statistics;
  if (!numbers || !isFinite(numbers.min) || !isFinite(numbers.max)) {
    throw new DataError(
      `feature ${JSON.stringify(baseline.name)} has no numeric range in the baseline`
    );
  }
  const { min, max } = numbers;
  return text => {
    const value = text === null ? NaN : numberOf(text);
    return value < min || value > max;
  };
}

function categoryFilter(
  baseline: FeatureStatistics,
  constraints?: ConstraintsDocument
): CellFilter {
  const constraint = constraints?.features.find(f => f.name === baseline.name);
  const buckets = baseline.string_statistics?.distribution?.categorical?.buckets;
  const domain = constraint?.string_constraints?.domains ?? buckets?.map(b => b.value);
  if (!domain) {
    throw new DataError(
      `the baseline lists no categories for ${JSON.stringify(baseline.name)} ` +
        '(no string_constraints.domains, no categorical buckets)'
    );
  }
  const known = new Set(domain);
  return text => text !== null && !known.has(text);
}

/** The votes data_type_check counts as matching the baseline type (monitor/typeCounts.ts). */
function admittedTypes(type: InferredType, feature: string): Set<ValueType> {
  switch (type) {
    case 'Integral':
      return new Set(['integral']);
    case 'Fractional':
      return new Set(['integral', 'fractional']);
    default:
      throw new DataError(
        `feature ${JSON.stringify(feature)} is ${type} in the baseline: every value has its type`
      );
  }
}
