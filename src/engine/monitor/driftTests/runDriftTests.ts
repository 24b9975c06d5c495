/** The extension drift tests of every baseline feature, in feature order (FORMATS.md §8). */
import { FeatureStatistics } from '../../documents/statistics';
import { DriftTestResult } from '../../documents/violations';
import { DRIFT_TEST_CATALOG } from './driftTestCatalog';
import { DriftTestOptions, EnabledDriftTest, enabledDriftTests } from './driftTestOptions';
import { distributionKind, driftInput } from './driftInputs';

export interface DriftTestFeature {
  name: string;
  baseline: FeatureStatistics | undefined;
  current: FeatureStatistics | undefined;
}

export function runDriftTests(
  features: readonly DriftTestFeature[],
  options: DriftTestOptions | undefined
): DriftTestResult[] {
  const tests = enabledDriftTests(options);
  return features.flatMap(feature => featureDriftTests(feature, tests));
}

function featureDriftTests(
  feature: DriftTestFeature,
  tests: EnabledDriftTest[]
): DriftTestResult[] {
  const kind = distributionKind(feature.baseline);
  if (!kind || !feature.baseline) {
    return [];
  }
  const applicable = tests.filter(test => DRIFT_TEST_CATALOG[test.name].kinds.includes(kind));
  const input = driftInput(kind, feature.baseline, feature.current);
  return applicable.map(({ name, threshold }): DriftTestResult => {
    if (typeof input === 'string') {
      return { feature_name: feature.name, test: name, skipped: input };
    }
    const definition = DRIFT_TEST_CATALOG[name];
    const outcome = definition.compute(input);
    return {
      feature_name: feature.name,
      test: name,
      statistic: outcome.statistic,
      ...(outcome.pValue === undefined ? {} : { p_value: outcome.pValue }),
      threshold,
      drift: definition.isDrift(outcome, threshold)
    };
  });
}
