import {
  addDomainValue,
  checkDomainValue,
  checkGlobalInput,
  checkThreshold,
  ConstraintsEditError,
  draftIssues,
  draftText,
  featureViews,
  globalValue,
  issueFieldLabel,
  parseConstraintsDraft,
  removeDomainValue,
  setCompleteness,
  setGlobal,
  setInferredType,
  setNonNegative,
  setOverride,
  visibleGlobalFields
} from '../../../src/models/constraintsDocument';
import { describeConformance, readConformance } from '../../helpers/conformance';

const ANALYZER_FILE = 'sagemaker-python-sdk/quality_check_step/data_quality/constraints.json';
const HAND_WRITTEN_FILE = 'sagemaker-python-sdk/monitor/constraints.json';

/** A small constraints.json in the analyzer's layout, with a hostile feature name and domain. */
const SMALL = `{
  "version" : 0.0,
  "features" : [ {
    "name" : "age",
    "inferred_type" : "Integral",
    "completeness" : 1.0,
    "num_constraints" : {
      "is_non_negative" : true
    }
  }, {
    "name" : "<img src=x onerror=alert(1)>",
    "inferred_type" : "String",
    "completeness" : 0.98,
    "string_constraints" : {
      "domains" : [ "yes", "no", "<b>maybe</b>" ]
    }
  } ],
  "monitoring_config" : {
    "evaluate_constraints" : "Enabled",
    "emit_metrics" : "Enabled",
    "datatype_check_threshold" : 1.0,
    "domain_content_threshold" : 1.0,
    "distribution_constraints" : {
      "perform_comparison" : "Enabled",
      "comparison_threshold" : 0.1,
      "comparison_method" : "Robust"
    }
  }
}`;

describe('reading and writing', () => {
  test('an untouched draft writes the text it was read from, even in foreign spacing', () => {
    const text = JSON.stringify(JSON.parse(SMALL));
    expect(draftText(parseConstraintsDraft(text))).toBe(text);
  });

  test('an edited draft is written in the analyzer layout; editing back gives the same bytes', () => {
    const draft = parseConstraintsDraft(SMALL);
    const changed = setGlobal(draft, 'comparison_threshold', 0.25);
    expect(draftText(changed)).toContain('"comparison_threshold" : 0.25,');
    const back = setGlobal(changed, 'comparison_threshold', 0.1);
    expect(back.edited).toBe(true);
    expect(draftText(back)).toBe(SMALL);
  });

  test('edits leave the earlier draft unchanged', () => {
    const draft = parseConstraintsDraft(SMALL);
    addDomainValue(draft, 1, 'perhaps');
    setNonNegative(draft, 0, false);
    expect(draft.edited).toBe(false);
    expect(featureViews(draft)[1].domains).toEqual(['yes', 'no', '<b>maybe</b>']);
    expect(featureViews(draft)[0].isNonNegative).toBe(true);
  });

  test('a syntax error names line and column', () => {
    expect(() => parseConstraintsDraft('{\n  "version" : 0.0,\n  oops\n}')).toThrow(
      /line 3, column 3/
    );
  });

  test('a JSON value that is no object is refused', () => {
    expect(() => parseConstraintsDraft('[1, 2]')).toThrow(ConstraintsEditError);
  });
});

describe('issue labels', () => {
  it.each([
    ['features[0].completeness', 'age completeness'],
    ['features[1].string_constraints.domains[2]', '<img src=x onerror=alert(1)> domain value 2'],
    ['features[1]', '<img src=x onerror=alert(1)>'],
    ['features[9].completeness', 'feature 9 completeness'],
    ['monitoring_config.distribution_constraints.comparison_threshold', 'comparison_threshold'],
    ['version', 'version']
  ])('%s is %s in the form', (path, label) => {
    expect(issueFieldLabel(parseConstraintsDraft(SMALL), path)).toBe(label);
  });
});

describe('views', () => {
  test('features show name, type, completeness, non-negative, domains as text', () => {
    const [age, hostile] = featureViews(parseConstraintsDraft(SMALL));
    expect(age).toMatchObject({
      name: 'age',
      inferredType: 'Integral',
      completeness: 1,
      isNonNegative: true,
      domains: undefined
    });
    expect(hostile).toMatchObject({
      name: '<img src=x onerror=alert(1)>',
      isNonNegative: undefined,
      domains: ['yes', 'no', '<b>maybe</b>']
    });
  });

  test('absent global keys show the analyzer defaults, marked as defaults', () => {
    const draft = parseConstraintsDraft('{"features": [], "monitoring_config": {}}');
    expect(globalValue(draft, 'datatype_check_threshold')).toEqual({
      field: 'datatype_check_threshold',
      value: 1,
      isDefault: true
    });
    expect(globalValue(draft, 'comparison_method').value).toBe('Robust');
    expect(visibleGlobalFields(draft)).not.toContain('categorical_drift_method');
  });
});

describe('edits', () => {
  const draft = parseConstraintsDraft(SMALL);

  test('thresholds, flags and methods of monitoring_config', () => {
    let next = setGlobal(draft, 'datatype_check_threshold', 0.5);
    next = setGlobal(next, 'emit_metrics', 'Disabled');
    next = setGlobal(next, 'comparison_method', 'Simple');
    next = setGlobal(next, 'perform_comparison', 'Disabled');
    const text = draftText(next);
    expect(text).toContain('"datatype_check_threshold" : 0.5,');
    expect(text).toContain('"emit_metrics" : "Disabled",');
    expect(text).toContain('"comparison_method" : "Simple"');
    expect(text).toContain('"perform_comparison" : "Disabled",');
  });

  test('a global key the file lacks is added in the analyzer order', () => {
    const bare = parseConstraintsDraft('{"version": 0.0, "features": [], "monitoring_config": {}}');
    const text = draftText(setGlobal(bare, 'domain_content_threshold', 0.9));
    expect(text).toBe(
      '{\n  "version" : 0.0,\n  "features" : [ ],\n  "monitoring_config" : {\n' +
        '    "domain_content_threshold" : 0.9\n  }\n}'
    );
  });

  test('feature completeness, type and non-negative', () => {
    let next = setCompleteness(draft, 1, 0.75);
    next = setInferredType(next, 0, 'Fractional');
    next = setNonNegative(next, 0, false);
    const [age, hostile] = featureViews(next);
    expect(age).toMatchObject({ inferredType: 'Fractional', isNonNegative: false });
    expect(hostile.completeness).toBe(0.75);
    expect(draftText(next)).toContain('"is_non_negative" : false');
  });

  test('domain values are added at the end and removed by position', () => {
    let next = addDomainValue(draft, 1, 'perhaps');
    next = removeDomainValue(next, 1, 0);
    expect(featureViews(next)[1].domains).toEqual(['no', '<b>maybe</b>', 'perhaps']);
    expect(draftText(next)).toContain('"domains" : [ "no", "<b>maybe</b>", "perhaps" ]');
  });

  test('overrides are set, and removing the last one removes the object', () => {
    const set = setOverride(draft, 1, 'emit_metrics', 'Disabled');
    expect(featureViews(set)[1].overrides).toEqual({ emit_metrics: 'Disabled' });
    expect(draftText(set)).toContain(
      '"monitoring_config_overrides" : {\n        "emit_metrics" : "Disabled"\n      }'
    );
    const cleared = setOverride(set, 1, 'emit_metrics', null);
    expect(draftText(cleared)).toBe(SMALL);
  });

  test('invalid edits throw and name the field', () => {
    expect(() => setGlobal(draft, 'comparison_threshold', 1.5)).toThrow(
      'comparison_threshold: 1.5 is outside 0 to 1'
    );
    expect(() => setGlobal(draft, 'comparison_method', 'linf_fancy')).toThrow(
      /comparison_method: "linf_fancy" is not one of Robust, Simple/
    );
    expect(() => addDomainValue(draft, 1, '  ')).toThrow(/domains: a domain value cannot be empty/);
    expect(() => addDomainValue(draft, 1, 'yes')).toThrow(/already in the domain/);
    expect(() => addDomainValue(draft, 0, 'x')).toThrow(/has no string_constraints.domains/);
    expect(() => setOverride(draft, 0, 'emit_metrics', 'Enabled')).toThrow(/no string_constraints/);
    expect(() => setCompleteness(draft, 7, 0.5)).toThrow(/there is no features\[7\]/);
    expect(() => setInferredType(draft, 0, 'Text')).toThrow(/inferred_type/);
  });
});

describe('input checks', () => {
  test.each([
    ['0', 0],
    [' 1 ', 1],
    ['0.25', 0.25],
    ['1e-1', 0.1]
  ])('threshold %j is %p', (input, value) => {
    expect(checkThreshold('t', input)).toEqual({ value });
  });

  test.each([
    ['', 't: "" is not a number'],
    ['abc', 't: "abc" is not a number'],
    ['NaN', 't: "NaN" is not a number'],
    ['-0.1', 't: -0.1 is outside 0 to 1'],
    ['2', 't: 2 is outside 0 to 1']
  ])('threshold %j is refused', (input, error) => {
    expect(checkThreshold('t', input)).toEqual({ error });
  });

  test('global fields check by kind', () => {
    expect(checkGlobalInput('evaluate_constraints', 'Enabled')).toEqual({ value: 'Enabled' });
    expect(checkGlobalInput('evaluate_constraints', 'On')).toHaveProperty('error');
    expect(checkGlobalInput('categorical_drift_method', 'ChiSquared')).toEqual({
      value: 'ChiSquared'
    });
  });

  test('domain values must be new and not empty', () => {
    expect(checkDomainValue('d', 'a', ['b'])).toEqual({ value: 'a' });
    expect(checkDomainValue('d', '', ['b'])).toEqual({
      error: 'd: a domain value cannot be empty'
    });
  });
});

describe('draft issues', () => {
  test('a clean file has none', () => {
    expect(draftIssues(parseConstraintsDraft(SMALL))).toEqual([]);
  });

  test('values out of range, empty domain values and wrong types are listed by path', () => {
    const text = SMALL.replace('"completeness" : 0.98', '"completeness" : 3')
      .replace('"comparison_threshold" : 0.1', '"comparison_threshold" : -1')
      .replace('"<b>maybe</b>"', '""')
      .replace('"inferred_type" : "Integral"', '"inferred_type" : 7');
    const paths = draftIssues(parseConstraintsDraft(text)).map(issue => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'features[0].inferred_type',
        'features[1].completeness',
        'features[1].string_constraints.domains[2]',
        'monitoring_config.distribution_constraints.comparison_threshold'
      ])
    );
  });
});

describeConformance('real constraints files', () => {
  test('the analyzer-written 2021 file: untouched, and rewritten after an edit undone, is byte-identical', () => {
    const text = readConformance(ANALYZER_FILE);
    const draft = parseConstraintsDraft(text);
    expect(draftText(draft)).toBe(text);
    const roundTrip = setGlobal(
      setGlobal(draft, 'comparison_threshold', 0.3),
      'comparison_threshold',
      0.1
    );
    expect(draftText(roundTrip)).toBe(text);
    expect(featureViews(draft).map(f => f.name)).toEqual([
      '_c0',
      '_c1',
      '_c2',
      '_c3',
      '_c4',
      '_c5'
    ]);
    expect(draftIssues(draft)).toEqual([]);
  });

  test('the hand-written file keeps its pre-launch keys and overrides through an edit', () => {
    const text = readConformance(HAND_WRITTEN_FILE);
    const draft = parseConstraintsDraft(text);
    expect(draftText(draft)).toBe(text);
    expect(featureViews(draft)[0].overrides).toEqual({
      evaluate_constraints: 'Enabled',
      emit_metrics: 'Enabled'
    });
    const edited = JSON.parse(draftText(addDomainValue(draft, 1, 'other')));
    expect(edited.monitoring_config.distribution_constraints).toEqual({
      enable_comparisons: true,
      min_domain_mass: 1.0,
      comparison_threshold: 1.0
    });
    expect(edited.features[0].string_constraints.monitoring_config_overrides).toEqual({
      evaluate_constraints: 'Enabled',
      emit_metrics: 'Enabled'
    });
    expect(edited.features[1].string_constraints.domains).toEqual([
      'preproc-not-YET-supported-for-csv-json',
      'other'
    ]);
  });
});
