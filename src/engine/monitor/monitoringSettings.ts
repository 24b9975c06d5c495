/**
 * `monitoring_config` of constraints.json resolved to plain values, with SageMaker's defaults for
 * absent keys and the spelling variants found in docs and hand-written files (FORMATS.md §4.1, §6.4).
 */
import { MonitoringConfig } from '../documents/constraints';

export type ComparisonMethod = 'Robust' | 'Simple';
export type CategoricalDriftMethod = 'LInfinity' | 'ChiSquared';

export interface MonitoringSettings {
  evaluateConstraints: boolean;
  /** `emit_metrics`: a run writes CloudWatch metrics only when this and the run's option allow. */
  emitMetrics: boolean;
  datatypeCheckThreshold: number;
  domainContentThreshold: number;
  performComparison: boolean;
  comparisonThreshold: number;
  comparisonMethod: ComparisonMethod;
  categoricalComparisonThreshold: number;
  categoricalDriftMethod: CategoricalDriftMethod;
}

export const DEFAULT_MONITORING_SETTINGS: Readonly<MonitoringSettings> = {
  evaluateConstraints: true,
  emitMetrics: true,
  datatypeCheckThreshold: 1.0,
  domainContentThreshold: 1.0,
  performComparison: true,
  comparisonThreshold: 0.1,
  comparisonMethod: 'Robust',
  categoricalComparisonThreshold: 0.1,
  categoricalDriftMethod: 'LInfinity'
};

type LooseConfig = Record<string, unknown>;

export function resolveMonitoringSettings(
  config: Partial<MonitoringConfig> | undefined
): MonitoringSettings {
  const top = asRecord(config);
  const distribution = asRecord(top.distribution_constraints);
  const defaults = DEFAULT_MONITORING_SETTINGS;
  return {
    evaluateConstraints: readFlag(top.evaluate_constraints, defaults.evaluateConstraints),
    emitMetrics: readFlag(top.emit_metrics, defaults.emitMetrics),
    datatypeCheckThreshold: readNumber(
      top.datatype_check_threshold,
      defaults.datatypeCheckThreshold
    ),
    domainContentThreshold: readNumber(
      top.domain_content_threshold,
      defaults.domainContentThreshold
    ),
    performComparison: readFlag(
      distribution.perform_comparison ?? distribution.enable_comparisons,
      defaults.performComparison
    ),
    comparisonThreshold: readNumber(
      distribution.comparison_threshold,
      defaults.comparisonThreshold
    ),
    comparisonMethod: readComparisonMethod(distribution.comparison_method),
    categoricalComparisonThreshold: readNumber(
      distribution.categorical_comparison_threshold,
      defaults.categoricalComparisonThreshold
    ),
    categoricalDriftMethod: readCategoricalDriftMethod(distribution.categorical_drift_method)
  };
}

function asRecord(value: unknown): LooseConfig {
  return typeof value === 'object' && value !== null ? (value as LooseConfig) : {};
}

/** `Enabled`/`Disabled` in any case; booleans and their strings in older hand-written files. */
function readFlag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value !== 'string') {
    return fallback;
  }
  const text = value.trim().toLowerCase();
  if (text === 'enabled' || text === 'true') {
    return true;
  }
  if (text === 'disabled' || text === 'false') {
    return false;
  }
  return fallback;
}

function readNumber(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && !Number.isNaN(parsed) ? parsed : fallback;
}

/** `Robust` / `Simple`, and the docs' `linf_robust` / `linf_simple`. */
function readComparisonMethod(value: unknown): ComparisonMethod {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  return text.includes('simple') ? 'Simple' : DEFAULT_MONITORING_SETTINGS.comparisonMethod;
}

function readCategoricalDriftMethod(value: unknown): CategoricalDriftMethod {
  const text = typeof value === 'string' ? value.toLowerCase().replace(/[^a-z]/g, '') : '';
  return text.startsWith('chi') ? 'ChiSquared' : DEFAULT_MONITORING_SETTINGS.categoricalDriftMethod;
}
