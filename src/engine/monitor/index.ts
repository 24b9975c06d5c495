/** Monitoring: SageMaker's constraint checks and the extension's drift tests. */
export { checkConstraints, DRIFT_TESTS_VERSION } from './checkConstraints';
export type { MonitorInput } from './monitorInput';
export type { TypeCounts } from './typeCounts';
export { countMatching, nonNullCount } from './typeCounts';
export type {
  CategoricalDriftMethod,
  ComparisonMethod,
  MonitoringSettings
} from './monitoringSettings';
export { DEFAULT_MONITORING_SETTINGS, resolveMonitoringSettings } from './monitoringSettings';
export type { DriftTestOptions, DriftTestSetting } from './driftTests/driftTestOptions';
export {
  DEFAULT_DRIFT_THRESHOLDS,
  DRIFT_TEST_NAMES,
  STRICT_DRIFT_TESTS
} from './driftTests/driftTestOptions';
export type { DriftDistance } from './parseDriftDistance';
export { parseDriftDistance } from './parseDriftDistance';
export { WeightedSketch } from './distance/weightedSketch';
export { numericLInfinity } from './distance/numericLInfinity';
export { categoricalLInfinity } from './distance/categoricalLInfinity';
export type { CategoryCounts } from './distance/categoricalLInfinity';
export { robustLInfinity } from './distance/robustLInfinity';
export { chiSquareTest } from './distance/chiSquareTest';
export type { ChiSquareResult } from './distance/chiSquareTest';
export { regularizedGammaQ } from './distance/incompleteGamma';
