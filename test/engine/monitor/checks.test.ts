import { checkConstraints } from '../../../src/engine/monitor/checkConstraints';
import { STRICT_DRIFT_TESTS } from '../../../src/engine/monitor/driftTests/driftTestOptions';
import { MonitorInput } from '../../../src/engine/monitor/monitorInput';
import {
  config,
  constraintFor,
  constraints,
  numericFeature,
  statistics,
  stringFeature,
  typeCounts,
  unknownFeature
} from './documentBuilders';

/** One numeric feature `x`, baseline and current equal unless replaced. */
function numericInput(overrides: Partial<MonitorInput> = {}): MonitorInput {
  const feature = numericFeature('x', [[1, 2, 3, 4]], { type: 'Integral' });
  return {
    baselineStatistics: statistics(4, [feature]),
    constraints: constraints([constraintFor('x', 'Integral')]),
    currentStatistics: statistics(4, [feature]),
    currentTypeCounts: { x: typeCounts({ integral: 4 }) },
    driftTests: STRICT_DRIFT_TESTS,
    ...overrides
  };
}

const checkTypes = (input: MonitorInput) =>
  checkConstraints(input).violations.map(v => v.constraint_check_type);

describe('data_type_check', () => {
  it('writes the real description text (1970 of 1977 values Integral)', () => {
    const input = numericInput({
      currentTypeCounts: { x: typeCounts({ integral: 1970, fractional: 7 }) }
    });
    expect(checkConstraints(input).violations).toEqual([
      {
        feature_name: 'x',
        constraint_check_type: 'data_type_check',
        description:
          'Data type match requirement is not met. Expected data type: Integral, Expected match: 100.0%. ' +
          'Observed: Only 99.64592817400101% of data is Integral.'
      }
    ]);
  });

  it('fires only strictly below datatype_check_threshold', () => {
    const at = (integral: number) =>
      checkTypes(
        numericInput({
          constraints: constraints(
            [constraintFor('x', 'Integral')],
            config({ datatype_check_threshold: 0.9 })
          ),
          currentTypeCounts: { x: typeCounts({ integral, string: 10 - integral, missing: 3 }) }
        })
      );
    expect(at(9)).toEqual([]);
    expect(at(8)).toEqual(['data_type_check']);
  });

  it('counts Integral values as Fractional, anything as String, and ignores nulls', () => {
    const fractional = numericInput({
      constraints: constraints([constraintFor('x', 'Fractional')]),
      currentTypeCounts: { x: typeCounts({ integral: 3, fractional: 1, missing: 50 }) }
    });
    expect(checkTypes(fractional)).toEqual([]);
    const withBoolean = numericInput({
      constraints: constraints([constraintFor('x', 'Fractional')]),
      currentTypeCounts: { x: typeCounts({ integral: 3, boolean: 1 }) }
    });
    expect(checkConstraints(withBoolean).violations[0].description).toContain(
      'Expected data type: Fractional, Expected match: 100.0%. Observed: Only 75.0% of data is Fractional.'
    );
    const text = stringFeature('x', { a: 4 });
    const stringInput = numericInput({
      baselineStatistics: statistics(4, [text]),
      currentStatistics: statistics(4, [text]),
      constraints: constraints([constraintFor('x', 'String')]),
      currentTypeCounts: { x: typeCounts({ integral: 1, fractional: 1, boolean: 1, string: 1 }) }
    });
    expect(checkTypes(stringInput)).toEqual([]);
  });

  it('is not judged without type counts or without a non-null value', () => {
    expect(checkTypes(numericInput({ currentTypeCounts: {} }))).toEqual([]);
    expect(
      checkTypes(numericInput({ currentTypeCounts: { x: typeCounts({ missing: 4 }) } }))
    ).toEqual([]);
  });
});

describe('completeness_check', () => {
  const withPresent = (present: number, required: number) =>
    numericInput({
      constraints: constraints([constraintFor('x', 'Integral', { completeness: required })]),
      currentStatistics: statistics(10, [
        numericFeature('x', [Array.from({ length: present }, (_, i) => 1 + (i % 4))], {
          type: 'Integral',
          missing: 10 - present
        })
      ]),
      currentTypeCounts: { x: typeCounts({ integral: present, missing: 10 - present }) }
    });

  it('fires only strictly below the feature completeness, with the real text and trailing space', () => {
    expect(checkTypes(withPresent(9, 0.9))).toEqual([]);
    expect(checkConstraints(withPresent(8, 0.9)).violations).toEqual([
      {
        feature_name: 'x',
        constraint_check_type: 'completeness_check',
        description: 'Value: 0.8 does not meet the constraint requirement! '
      }
    ]);
  });

  it('reads an all-null current column as completeness 0.0', () => {
    const input = numericInput({
      currentStatistics: statistics(999, [unknownFeature('x')]),
      currentTypeCounts: { x: typeCounts({ missing: 999 }) }
    });
    expect(checkConstraints(input).violations).toEqual([
      {
        feature_name: 'x',
        constraint_check_type: 'completeness_check',
        description: 'Value: 0.0 does not meet the constraint requirement! '
      }
    ]);
  });
});

describe('categorical_values_check', () => {
  const total = (counts: Record<string, number>) =>
    Object.values(counts).reduce((a, b) => a + b, 0);
  const input = (current: Record<string, number> | undefined, threshold: number) => {
    const baseline = stringFeature('flag', { N: 990, Y: 9 });
    return {
      baselineStatistics: statistics(999, [baseline]),
      constraints: constraints(
        [constraintFor('flag', 'String', { string_constraints: { domains: ['N', 'Y'] } })],
        config({ domain_content_threshold: threshold }, { perform_comparison: 'Disabled' })
      ),
      currentStatistics: current
        ? statistics(total(current), [stringFeature('flag', current)])
        : statistics(999, [stringFeature('flag', undefined, { present: 999 })]),
      currentTypeCounts: { flag: typeCounts({ string: 999 }) },
      driftTests: STRICT_DRIFT_TESTS
    };
  };

  it('writes the observed share of values inside the domain (real 2019 value 9/999)', () => {
    expect(checkConstraints(input({ Y: 9, n: 990 }, 1.0)).violations).toEqual([
      {
        feature_name: 'flag',
        constraint_check_type: 'categorical_values_check',
        description: 'Value: 0.009009009009009009 does not meet the constraint requirement! '
      }
    ]);
  });

  it('fires only strictly below domain_content_threshold', () => {
    expect(checkTypes(input({ N: 3, x: 1 }, 0.75))).toEqual([]);
    expect(checkTypes(input({ N: 2, x: 1 }, 0.75))).toEqual(['categorical_values_check']);
    expect(checkTypes(input({ N: 4 }, 1.0))).toEqual([]);
  });

  it('cannot judge a current column without categorical buckets', () => {
    expect(checkTypes(input(undefined, 1.0))).toEqual([]);
  });
});

describe('baseline_drift_check', () => {
  const drift = (threshold: number, method = 'Simple') =>
    numericInput({
      constraints: constraints(
        [constraintFor('x', 'Integral')],
        config({}, { comparison_threshold: threshold, comparison_method: method })
      ),
      currentStatistics: statistics(4, [numericFeature('x', [[2, 3, 4, 5]], { type: 'Integral' })])
    });

  it('fires only strictly above comparison_threshold, with the distance and threshold as Java doubles', () => {
    expect(checkTypes(drift(0.25))).toEqual([]);
    expect(checkConstraints(drift(0.2499)).violations).toEqual([
      {
        feature_name: 'x',
        constraint_check_type: 'baseline_drift_check',
        description: 'Baseline drift distance: 0.25 exceeds threshold: 0.2499'
      }
    ]);
  });

  it('compares the Robust distance by default (0.0 for the §5.3 vector)', () => {
    expect(checkTypes(drift(0.0, 'Robust'))).toEqual([]);
    expect(checkTypes(drift(0.0, 'linf_simple'))).toEqual(['baseline_drift_check']);
  });

  it('reports the Robust distance for large samples', () => {
    const baseline = Array.from({ length: 1000 }, (_, i) => i);
    const current = baseline.map(x => x + 300);
    const input = numericInput({
      baselineStatistics: statistics(1000, [numericFeature('x', [baseline])]),
      currentStatistics: statistics(1000, [numericFeature('x', [current])]),
      currentTypeCounts: { x: typeCounts({ integral: 1000 }) }
    });
    const [violation] = checkConstraints(input).violations;
    const expected = 0.3 - 1.8 * Math.sqrt(2000 / 1e6);
    const distance = Number(/distance: (\S+) /.exec(violation.description)![1]);
    expect(distance).toBeCloseTo(expected, 12);
    expect(violation.description).toMatch(/ exceeds threshold: 0\.1$/);
  });

  it('is skipped when perform_comparison is Disabled', () => {
    const input = drift(0.0);
    input.constraints.monitoring_config.distribution_constraints.perform_comparison = 'Disabled';
    expect(checkTypes(input)).toEqual([]);
  });

  it('is skipped for a feature that fails its type check', () => {
    const input = drift(0.0);
    input.currentTypeCounts = { x: typeCounts({ integral: 3, fractional: 1 }) };
    expect(checkTypes(input)).toEqual(['data_type_check']);
  });

  it('compares category frequencies with categorical_comparison_threshold (default 0.1)', () => {
    const categorical = (
      current: Record<string, number>,
      distribution: Record<string, unknown>
    ) => ({
      baselineStatistics: statistics(100, [stringFeature('c', { a: 50, b: 50 })]),
      constraints: constraints(
        [constraintFor('c', 'String')],
        config({}, { comparison_method: 'Simple', comparison_threshold: 0.9, ...distribution })
      ),
      currentStatistics: statistics(100, [stringFeature('c', current)]),
      currentTypeCounts: { c: typeCounts({ string: 100 }) },
      driftTests: STRICT_DRIFT_TESTS
    });
    expect(checkTypes(categorical({ a: 60, b: 40 }, {}))).toEqual([]);
    expect(checkConstraints(categorical({ a: 61, b: 39 }, {})).violations[0].description).toBe(
      `Baseline drift distance: ${0.61 - 0.5} exceeds threshold: 0.1`
    );
    expect(
      checkTypes(categorical({ a: 61, b: 39 }, { categorical_comparison_threshold: 0.2 }))
    ).toEqual([]);
  });

  it('fires on a small chi-squared p-value with ChiSquared and Robust', () => {
    const chi = (current: Record<string, number>) => ({
      baselineStatistics: statistics(293, [
        stringFeature('c', { a: 223, b: 20, c: 25, d: 12, e: 13 })
      ]),
      constraints: constraints(
        [constraintFor('c', 'String')],
        config(
          {},
          { categorical_drift_method: 'ChiSquared', categorical_comparison_threshold: 0.05 }
        )
      ),
      currentStatistics: statistics(291, [stringFeature('c', current)]),
      currentTypeCounts: { c: typeCounts({ string: 291 }) },
      driftTests: STRICT_DRIFT_TESTS
    });
    const [violation] = checkConstraints(chi({ a: 207, b: 20, c: 25, d: 14, e: 25 })).violations;
    expect(violation.constraint_check_type).toBe('baseline_drift_check');
    expect(violation.description).toMatch(
      /^Baseline drift distance: 0\.0132279948142651\d* exceeds threshold: 0\.05$/
    );
    expect(checkTypes(chi({ a: 223, b: 20, c: 25, d: 12, e: 13 }))).toEqual([]);
  });

  it('needs the same kind of distribution on both sides', () => {
    const input = numericInput({
      currentStatistics: statistics(4, [stringFeature('x', { a: 4 })]),
      constraints: constraints(
        [constraintFor('x', 'Integral')],
        config({ datatype_check_threshold: 0 })
      )
    });
    expect(checkTypes(input)).toEqual([]);
  });
});

describe('column count checks', () => {
  const twoColumns = () => {
    const a = numericFeature('a', [[1, 2]]);
    const b = numericFeature('b', [[1, 2]]);
    return {
      baselineStatistics: statistics(2, [a, b]),
      constraints: constraints([
        constraintFor('a', 'Fractional'),
        constraintFor('b', 'Fractional')
      ]),
      currentTypeCounts: { a: typeCounts({ fractional: 2 }), b: typeCounts({ fractional: 2 }) },
      driftTests: {}
    };
  };

  it('reports missing columns as the only violation, without drift tests', () => {
    const result = checkConstraints({
      ...twoColumns(),
      currentStatistics: statistics(3, [unknownFeature('a')]),
      currentTypeCounts: { a: typeCounts({ missing: 3 }) }
    });
    expect(result).toEqual({
      violations: [
        {
          feature_name: 'Missing columns',
          constraint_check_type: 'missing_column_check',
          description:
            'There are missing columns in current dataset. Number of columns in current dataset: 1, ' +
            'Number of columns in baseline constraints: 2'
        }
      ]
    });
  });

  it('reports extra columns after the feature checks, which still run', () => {
    const result = checkConstraints({
      ...twoColumns(),
      currentStatistics: statistics(3, [
        numericFeature('a', [[1, 2, 3]]),
        numericFeature('b', [[1, 2]], { missing: 1 }),
        numericFeature('c', [[1, 2, 3]])
      ]),
      driftTests: STRICT_DRIFT_TESTS
    });
    expect(result.violations.map(v => [v.feature_name, v.constraint_check_type])).toEqual([
      ['b', 'completeness_check'],
      ['Extra columns', 'extra_column_check']
    ]);
    expect(result.violations[1].description).toBe(
      'There are extra columns in current dataset. Number of columns in current dataset: 3, ' +
        'Number of columns in baseline constraints: 2'
    );
  });
});

describe('run-level rules', () => {
  const failingEverywhere = (): MonitorInput => ({
    baselineStatistics: statistics(10, [
      numericFeature('n', [[1, 2, 3, 4]], { type: 'Integral' }),
      stringFeature('s', { a: 5, b: 5 })
    ]),
    constraints: constraints(
      [
        constraintFor('n', 'Integral'),
        constraintFor('s', 'String', { string_constraints: { domains: ['a', 'b'] } })
      ],
      config({}, { comparison_method: 'Simple', comparison_threshold: 0.01 })
    ),
    currentStatistics: statistics(20, [
      numericFeature('n', [[5, 6, 7, 8]], { type: 'Fractional', missing: 16 }),
      stringFeature('s', { c: 10 }, { missing: 10 })
    ]),
    currentTypeCounts: {
      n: typeCounts({ integral: 3, fractional: 1, missing: 16 }),
      s: typeCounts({ string: 10, missing: 10 })
    },
    driftTests: STRICT_DRIFT_TESTS
  });

  it('orders violations by baseline feature, then by check', () => {
    expect(
      checkConstraints(failingEverywhere()).violations.map(
        v => `${v.feature_name}:${v.constraint_check_type}`
      )
    ).toEqual([
      'n:data_type_check',
      'n:completeness_check',
      's:completeness_check',
      's:categorical_values_check',
      's:baseline_drift_check'
    ]);
  });

  it('reports nothing when evaluate_constraints is Disabled (any case)', () => {
    const input = failingEverywhere();
    (input.constraints.monitoring_config as any).evaluate_constraints = 'disabled';
    expect(checkConstraints(input)).toEqual({ violations: [] });
  });

  it('writes no extension key in strict mode', () => {
    expect(Object.keys(checkConstraints(failingEverywhere()))).toEqual(['violations']);
  });

  it('skips baseline features absent from the current data by name', () => {
    const input = failingEverywhere();
    input.currentStatistics.features[1] = {
      ...input.currentStatistics.features[1],
      name: 'renamed'
    };
    expect(checkConstraints(input).violations.every(v => v.feature_name === 'n')).toBe(true);
  });
});
