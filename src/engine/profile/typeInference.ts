/**
 * Deequ's DataType votes (FORMATS.md §7.1): each non-null text value is Fractional, Integral, Boolean
 * or String by these patterns; the column's type follows from the counts.
 */
import { InferredType } from '../documents/statistics';

export type ValueType = 'integral' | 'fractional' | 'boolean' | 'string';

export interface TypeCounts {
  integral: number;
  fractional: number;
  boolean: number;
  string: number;
  /** Null values (Deequ's "Unknown" votes). */
  missing: number;
}

const FRACTIONAL = /^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))$/;
const INTEGRAL = /^(-|\+)? ?\d+$/;
const BOOLEAN = /^(true|false)$/;

export function classifyText(text: string): ValueType {
  if (FRACTIONAL.test(text)) {
    return 'fractional';
  }
  if (INTEGRAL.test(text)) {
    return 'integral';
  }
  return BOOLEAN.test(text) ? 'boolean' : 'string';
}

export function emptyTypeCounts(): TypeCounts {
  return { integral: 0, fractional: 0, boolean: 0, string: 0, missing: 0 };
}

export function addTypeCounts(into: TypeCounts, other: TypeCounts): void {
  into.integral += other.integral;
  into.fractional += other.fractional;
  into.boolean += other.boolean;
  into.string += other.string;
  into.missing += other.missing;
}

/** The column type from its votes. A Boolean-only column is written as String (§7.1). */
export function inferType(counts: TypeCounts): InferredType {
  const numeric = counts.integral + counts.fractional;
  if (numeric + counts.boolean + counts.string === 0) {
    return 'Unknown';
  }
  if (counts.string > 0 || counts.boolean > 0) {
    return 'String';
  }
  return counts.fractional > 0 ? 'Fractional' : 'Integral';
}

/**
 * The number Spark's cast makes of a numeric text: NaN (a null) when a space parts the sign from
 * the digits (`- 5`, which Deequ's pattern still votes numeric; docs/deequ-agreement.md).
 */
export function parseNumericText(text: string): number {
  return hasSeparatedSign(text) ? NaN : Number(text);
}

/** `-` or `+` then a space: Deequ's pattern allows it, Spark's cast to a number does not. */
export function hasSeparatedSign(text: string): boolean {
  const sign = text.charCodeAt(0);
  return (sign === 45 || sign === 43) && text.charCodeAt(1) === 32;
}
