/** The shape of SageMaker's `constraint_violations.json` (FORMATS.md §5) plus our namespaced drift tests (§8). */
import { EXTENSION_KEY } from './fileNames';

export type ConstraintCheckType =
  | 'data_type_check'
  | 'completeness_check'
  | 'categorical_values_check'
  | 'baseline_drift_check'
  | 'missing_column_check'
  | 'extra_column_check';

export interface Violation {
  feature_name: string;
  constraint_check_type: ConstraintCheckType | string;
  description: string;
}

export type DriftTestName =
  'psi' | 'ks' | 'wasserstein' | 'jensen_shannon' | 'hellinger' | 'chi_squared';

export interface DriftTestResult {
  feature_name: string;
  test: DriftTestName;
  statistic?: number;
  /** Only for ks and chi_squared; NaN is written as the string "NaN". */
  p_value?: number;
  threshold?: number;
  drift?: boolean;
  /** Present instead of a result when the test could not run. */
  skipped?: string;
}

export { EXTENSION_KEY };

export interface ViolationsDocument {
  violations: Violation[];
  [EXTENSION_KEY]?: { version: number; drift_tests: DriftTestResult[] };
}
