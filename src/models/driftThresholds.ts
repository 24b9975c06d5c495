import { ConstraintsDocument } from '../engine/documents/constraints';
import { resolveMonitoringSettings } from '../engine/monitor/monitoringSettings';

/**
 * The threshold each feature's drift check compares with, from a data-quality constraints.json:
 * String features have the categorical one, the others the numeric one (baselineDriftCheck.ts).
 */
export function driftThresholds(constraints: ConstraintsDocument): Record<string, number> {
  const settings = resolveMonitoringSettings(constraints.monitoring_config);
  return Object.fromEntries(
    (constraints.features ?? []).map(feature => [
      feature.name,
      feature.inferred_type === 'String'
        ? settings.categoricalComparisonThreshold
        : settings.comparisonThreshold
    ])
  );
}
