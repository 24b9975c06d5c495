/**
 * Which extension drift tests run, and their thresholds (FORMATS.md §8). A test that is not
 * mentioned runs with its default threshold; strict mode turns them all off.
 */
import { DriftTestName } from '../../documents/violations';

export interface DriftTestSetting {
  enabled?: boolean;
  threshold?: number;
}

export type DriftTestOptions = Partial<Record<DriftTestName, DriftTestSetting>>;

/** Report order within a feature. */
export const DRIFT_TEST_NAMES: readonly DriftTestName[] = [
  'psi',
  'ks',
  'wasserstein',
  'jensen_shannon',
  'hellinger',
  'chi_squared'
];

/** Evidently's defaults: statistics for psi, wasserstein, jensen_shannon, hellinger; p-values for ks, chi_squared. */
export const DEFAULT_DRIFT_THRESHOLDS: Readonly<Record<DriftTestName, number>> = {
  psi: 0.1,
  ks: 0.05,
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  hellinger: 0.1,
  chi_squared: 0.05
};

/** All tests off: constraint_violations.json stays byte-compatible with SageMaker's. */
export const STRICT_DRIFT_TESTS: Readonly<DriftTestOptions> = Object.fromEntries(
  DRIFT_TEST_NAMES.map(name => [name, { enabled: false }])
);

export interface EnabledDriftTest {
  name: DriftTestName;
  threshold: number;
}

export function enabledDriftTests(options: DriftTestOptions | undefined): EnabledDriftTest[] {
  return DRIFT_TEST_NAMES.filter(name => options?.[name]?.enabled !== false).map(name => ({
    name,
    threshold: options?.[name]?.threshold ?? DEFAULT_DRIFT_THRESHOLDS[name]
  }));
}

/** Drift tests all off: the violations file exactly as SageMaker writes it. */
export function allTestsOff() {
  const off = { enabled: false };
  return {
    psi: off,
    ks: off,
    wasserstein: off,
    jensen_shannon: off,
    hellinger: off,
    chi_squared: off
  };
}
