/**
 * Reads distance and threshold back from a baseline_drift_check description. Accepts the text we
 * write (`Baseline drift distance: d exceeds threshold: t`) and the one quoted from real output
 * (`Numerical distance: d exceeds numerical threshold: t`); FORMATS.md §5.2 ⚠ Drift text.
 */
export interface DriftDistance {
  distance: number;
  threshold: number;
}

const DRIFT_TEXT = /distance: (\S+) exceeds (?:\w+ )?threshold: (\S+)/;

export function parseDriftDistance(description: string): DriftDistance | undefined {
  const match = DRIFT_TEXT.exec(description);
  if (!match) {
    return undefined;
  }
  const distance = parseJavaDouble(match[1]);
  const threshold = parseJavaDouble(match[2]);
  return distance === undefined || threshold === undefined ? undefined : { distance, threshold };
}

/** Java's Double.toString output, including `NaN`, `Infinity` and `1.0E-4`. */
function parseJavaDouble(text: string): number | undefined {
  if (text === 'NaN') {
    return NaN;
  }
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}
