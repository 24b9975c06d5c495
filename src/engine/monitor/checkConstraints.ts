/**
 * A monitoring run's comparison: current statistics against the baseline's constraints and
 * statistics, giving constraint_violations.json (FORMATS.md §5) with the extension drift tests (§8).
 */
import { ConstraintsDocument } from '../documents/constraints';
import {
  DriftTestResult,
  EXTENSION_KEY,
  Violation,
  ViolationsDocument
} from '../documents/violations';
import { baselineDriftCheck } from './checks/baselineDriftCheck';
import { categoricalValuesCheck } from './checks/categoricalValuesCheck';
import { completenessCheck } from './checks/completenessCheck';
import { dataTypeCheck } from './checks/dataTypeCheck';
import { extraColumnCheck } from './checks/extraColumnCheck';
import { FeatureContext } from './checks/featureContext';
import { missingColumnCheck } from './checks/missingColumnCheck';
import { enabledDriftTests } from './driftTests/driftTestOptions';
import { runDriftTests } from './driftTests/runDriftTests';
import { featuresByName } from './featureDistributions';
import { MonitorInput } from './monitorInput';
import { MonitoringSettings, resolveMonitoringSettings } from './monitoringSettings';

/** The extension's own block in constraint_violations.json; SageMaker readers ignore it. */
export const DRIFT_TESTS_VERSION = 1;

export function checkConstraints(input: MonitorInput): ViolationsDocument {
  const settings = resolveMonitoringSettings(input.constraints.monitoring_config);
  const baselineColumns = constraintFeatures(input.constraints).length;
  const currentColumns = input.currentStatistics.features?.length ?? 0;
  const missingColumns = missingColumnCheck(currentColumns, baselineColumns);
  if (missingColumns) {
    // Real runs stop here: this one violation and no other check.
    return { violations: settings.evaluateConstraints ? [missingColumns] : [] };
  }
  const violations = settings.evaluateConstraints
    ? [
        ...featureContexts(input, settings).flatMap(featureViolations),
        ...present(extraColumnCheck(currentColumns, baselineColumns))
      ]
    : [];
  return withDriftTests({ violations }, input);
}

/** Baseline feature order, then the check order of FORMATS.md §5.2. */
function featureViolations(context: FeatureContext): Violation[] {
  const dataType = dataTypeCheck(context);
  // A feature that fails its type check is never reported as drifting too (real runs).
  const drift =
    context.settings.performComparison && !dataType ? baselineDriftCheck(context) : undefined;
  return present(dataType, completenessCheck(context), categoricalValuesCheck(context), drift);
}

/** Features missing from the current data by name have nothing to check. */
function featureContexts(input: MonitorInput, settings: MonitoringSettings): FeatureContext[] {
  const baseline = featuresByName(input.baselineStatistics);
  const current = featuresByName(input.currentStatistics);
  const currentItemCount = Number(input.currentStatistics.dataset?.item_count);
  return constraintFeatures(input.constraints).flatMap(constraint => {
    const currentFeature = current.get(constraint.name);
    return currentFeature
      ? [
          {
            constraint,
            baseline: baseline.get(constraint.name),
            current: currentFeature,
            typeCounts: input.currentTypeCounts[constraint.name],
            currentItemCount,
            settings
          }
        ]
      : [];
  });
}

function withDriftTests(document: ViolationsDocument, input: MonitorInput): ViolationsDocument {
  if (enabledDriftTests(input.driftTests).length === 0) {
    return document;
  }
  const baseline = featuresByName(input.baselineStatistics);
  const current = featuresByName(input.currentStatistics);
  const features = constraintFeatures(input.constraints).map(({ name }) => ({
    name,
    baseline: baseline.get(name),
    current: current.get(name)
  }));
  const driftTests: DriftTestResult[] = runDriftTests(features, input.driftTests);
  return {
    ...document,
    [EXTENSION_KEY]: { version: DRIFT_TESTS_VERSION, drift_tests: driftTests }
  };
}

function constraintFeatures(constraints: ConstraintsDocument): ConstraintsDocument['features'] {
  return constraints.features ?? [];
}

function present(...violations: (Violation | undefined)[]): Violation[] {
  return violations.filter((violation): violation is Violation => violation !== undefined);
}
