import { suggestConstraints } from '../../../src/engine/baseline/suggest';
import { defaultMonitoringConfig } from '../../../src/engine/baseline/monitoringConfig';
import { StatisticsDocument, FeatureStatistics } from '../../../src/engine/documents/statistics';
import { writeConstraints, writeViolations } from '../../../src/engine/format/documents';

const common = (present: number, missing = 0) => ({ num_present: present, num_missing: missing });

function numeric(name: string, min: number, present = 10, missing = 0): FeatureStatistics {
  return {
    name,
    inferred_type: 'Integral',
    numerical_statistics: {
      common: common(present, missing),
      mean: 0,
      sum: 0,
      std_dev: 0,
      min,
      max: 5
    }
  };
}

function categorical(name: string, counts: Record<string, number>): FeatureStatistics {
  const buckets = Object.entries(counts).map(([value, count]) => ({ value, count }));
  const present = buckets.reduce((n, b) => n + b.count, 0);
  return {
    name,
    inferred_type: 'String',
    string_statistics: {
      common: common(present),
      distinct_count: buckets.length,
      distribution: { categorical: { buckets } }
    }
  };
}

function stats(itemCount: number, ...features: FeatureStatistics[]): StatisticsDocument {
  return { version: 0, dataset: { item_count: itemCount }, features };
}

describe('suggestConstraints (FORMATS.md §4.2)', () => {
  test('is_non_negative follows min; completeness is the observed ratio', () => {
    const doc = suggestConstraints(stats(10, numeric('a', 0), numeric('b', -1, 8, 2)));
    expect(doc.features).toEqual([
      {
        name: 'a',
        inferred_type: 'Integral',
        completeness: 1,
        num_constraints: { is_non_negative: true }
      },
      {
        name: 'b',
        inferred_type: 'Integral',
        completeness: 0.8,
        num_constraints: { is_non_negative: false }
      }
    ]);
  });

  test('domains: most frequent first, only when few values are seen once', () => {
    const values: Record<string, number> = {};
    for (let i = 0; i < 10; i++) {
      values[`v${i}`] = i === 0 ? 1 : 5 + i;
    }
    const doc = suggestConstraints(
      stats(96, categorical('s', values), categorical('t', { x: 1, y: 1, z: 3 }))
    );
    expect(doc.features[0].string_constraints!.domains).toEqual([
      'v9',
      'v8',
      'v7',
      'v6',
      'v5',
      'v4',
      'v3',
      'v2',
      'v1',
      'v0'
    ]);
    expect(doc.features[1].string_constraints).toBeUndefined();
  });

  test('a String feature without histogram, and Unknown, get name, type and completeness only', () => {
    const noHistogram: FeatureStatistics = {
      name: 's',
      inferred_type: 'String',
      string_statistics: { common: common(4), distinct_count: 2477 }
    };
    const unknown: FeatureStatistics = { name: 'u', inferred_type: 'Unknown' };
    expect(suggestConstraints(stats(4, noHistogram, unknown)).features).toEqual([
      { name: 's', inferred_type: 'String', completeness: 1 },
      { name: 'u', inferred_type: 'Unknown', completeness: 0 }
    ]);
  });

  test('generation 2021 omits the categorical_* keys; current writes them', () => {
    expect(defaultMonitoringConfig('2021').distribution_constraints).not.toHaveProperty(
      'categorical_drift_method'
    );
    const text = writeConstraints(suggestConstraints(stats(0)));
    expect(text).toBe(`{
  "version" : 0.0,
  "features" : [ ],
  "monitoring_config" : {
    "evaluate_constraints" : "Enabled",
    "emit_metrics" : "Enabled",
    "datatype_check_threshold" : 1.0,
    "domain_content_threshold" : 1.0,
    "distribution_constraints" : {
      "perform_comparison" : "Enabled",
      "comparison_threshold" : 0.1,
      "comparison_method" : "Robust",
      "categorical_comparison_threshold" : 0.1,
      "categorical_drift_method" : "LInfinity"
    }
  }
}`);
  });

  test('monitoring_config overrides', () => {
    const doc = suggestConstraints(stats(0), { monitoringConfig: { emit_metrics: 'Disabled' } });
    expect(doc.monitoring_config.emit_metrics).toBe('Disabled');
  });
});

describe('writeViolations (FORMATS.md §5, §8)', () => {
  test('no violations', () => {
    expect(writeViolations({ violations: [] })).toBe('{\n  "violations" : [ ]\n}');
  });

  test('extension key after violations, version a long, NaN p-value a string', () => {
    const text = writeViolations({
      'x-jupyterlab-model-monitor': {
        version: 1,
        drift_tests: [
          {
            feature_name: 'a',
            test: 'ks',
            statistic: 0.5,
            p_value: NaN,
            threshold: 0.05,
            drift: true
          }
        ]
      },
      violations: [
        { description: 'd', constraint_check_type: 'data_type_check', feature_name: 'a' }
      ]
    });
    expect(text).toBe(`{
  "violations" : [ {
    "feature_name" : "a",
    "constraint_check_type" : "data_type_check",
    "description" : "d"
  } ],
  "x-jupyterlab-model-monitor" : {
    "version" : 1,
    "drift_tests" : [ {
      "feature_name" : "a",
      "test" : "ks",
      "statistic" : 0.5,
      "p_value" : "NaN",
      "threshold" : 0.05,
      "drift" : true
    } ]
  }
}`);
  });
});
