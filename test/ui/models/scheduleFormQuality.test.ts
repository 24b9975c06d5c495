import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { Monitor } from '../../../src/api/types';
import {
  ScheduleFormValues,
  emptyScheduleForm,
  formFieldOf,
  scheduleFormOf,
  toMonitorCreate,
  toMonitorPatch,
  validateScheduleForm
} from '../../../src/models/scheduleForm';
import { ScheduleForm } from '../../../src/widgets/ScheduleForm';

const trans = nullTranslator.load('jupyterlab_model_monitor');
const backends = [{ name: 'local', available: true, reason: null }];

const quality: ScheduleFormValues = {
  ...emptyScheduleForm(),
  name: 'churn-quality',
  dataset: 'captures/churn',
  baselineStatistics: 'mq/statistics.json',
  baselineConstraints: 'mq/constraints.json',
  monitorType: 'model-quality',
  problemType: 'BinaryClassification',
  groundTruth: 'ground-truth/churn',
  inferenceAttribute: '0',
  probabilityAttribute: '1',
  probabilityThreshold: '0.7',
  positiveLabel: '1',
  labelLatenessHours: 48
};

const MONITOR: Monitor = {
  id: 'm1',
  name: 'churn-quality',
  dataset: 'captures/churn',
  dataset_format: null,
  header: false,
  baseline_statistics: 'mq/statistics.json',
  baseline_constraints: 'mq/constraints.json',
  output: 'monitoring/churn-quality',
  schedule: '0 * * * *',
  window_hours: 1,
  catch_up: 'once',
  backend: 'local',
  enabled: true,
  alerts: null,
  monitor_type: 'model-quality',
  model_quality: {
    problem_type: 'Regression',
    ground_truth: 'gt/churn',
    ground_truth_attribute: null,
    inference_attribute: '0',
    probability_attribute: null,
    probability_threshold: null,
    positive_label: null,
    label_lateness_hours: 24
  },
  next_run_at: null,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z'
};

describe('the schedule form for model quality', () => {
  it('sends the server field names, empty optional boxes as null', () => {
    const body = toMonitorCreate(quality);
    expect(body.monitor_type).toBe('model-quality');
    expect(body.model_quality).toEqual({
      problem_type: 'BinaryClassification',
      ground_truth: 'ground-truth/churn',
      ground_truth_attribute: null,
      inference_attribute: '0',
      probability_attribute: '1',
      probability_threshold: 0.7,
      positive_label: '1',
      label_lateness_hours: 48
    });
  });

  it('sends no model-quality fields for a data-quality monitor', () => {
    const body = toMonitorCreate({ ...quality, monitorType: 'data-quality' });
    expect(body).not.toHaveProperty('monitor_type');
    expect(body).not.toHaveProperty('model_quality');
  });

  it('says per field what is missing or wrong', () => {
    expect(validateScheduleForm(quality, trans)).toEqual({});
    const errors = validateScheduleForm(
      {
        ...quality,
        problemType: 'Regression',
        groundTruth: ' ',
        inferenceAttribute: '',
        probabilityThreshold: '1.5',
        labelLatenessHours: -1,
        backend: 'spark'
      },
      trans
    );
    expect(Object.keys(errors).sort()).toEqual([
      'backend',
      'groundTruth',
      'labelLatenessHours',
      'probabilityAttribute',
      'probabilityThreshold'
    ]);
    const none = validateScheduleForm(
      { ...quality, inferenceAttribute: '', probabilityAttribute: '' },
      trans
    );
    expect(none.inferenceAttribute).toMatch(/inference attribute/);
  });

  it('maps server errors on model_quality.* to their field', () => {
    expect(formFieldOf('model_quality.ground_truth')).toBe('groundTruth');
    expect(formFieldOf('model_quality.inference_attribute')).toBe('inferenceAttribute');
    expect(formFieldOf('model_quality.label_lateness_hours')).toBe('labelLatenessHours');
    expect(formFieldOf('model_quality')).toBe('groundTruth');
    expect(formFieldOf('monitor_type')).toBe('monitorType');
  });

  it('edits a model-quality monitor: filled from it, patches only what changed', () => {
    const values = scheduleFormOf(MONITOR);
    expect(values).toMatchObject({
      monitorType: 'model-quality',
      problemType: 'Regression',
      groundTruth: 'gt/churn',
      inferenceAttribute: '0',
      probabilityThreshold: '',
      labelLatenessHours: 24
    });
    expect(toMonitorPatch(MONITOR, values)).toEqual({});
    const patch = toMonitorPatch(MONITOR, { ...values, labelLatenessHours: 6 });
    expect(patch).toEqual({ model_quality: { ...MONITOR.model_quality, label_lateness_hours: 6 } });
    expect(toMonitorPatch(MONITOR, { ...values, monitorType: 'data-quality' })).toEqual({
      monitor_type: 'data-quality',
      model_quality: null
    });
  });

  it('shows the settings only for model quality, binary fields only for binary', () => {
    const form = new ScheduleForm(emptyScheduleForm(), {}, backends, trans);
    Widget.attach(form, document.body);
    const fieldset = form.node.querySelector('.jp-ModelMonitor-qualityFields') as HTMLElement;
    expect(fieldset.hidden).toBe(true);
    const type = form.node.querySelector('select[name="monitorType"]') as HTMLSelectElement;
    type.value = 'model-quality';
    type.dispatchEvent(new Event('input'));
    expect(fieldset.hidden).toBe(false);
    const probability = form.node.querySelector(
      '[data-field="probabilityAttribute"]'
    ) as HTMLElement;
    expect(probability.hidden).toBe(false);
    const problem = form.node.querySelector('select[name="problemType"]') as HTMLSelectElement;
    problem.value = 'Regression';
    problem.dispatchEvent(new Event('input'));
    expect(probability.hidden).toBe(true);
    form.dispose();
  });

  it('round-trips model-quality values and shows their errors', () => {
    const form = new ScheduleForm(quality, { groundTruth: 'No such folder' }, backends, trans);
    Widget.attach(form, document.body);
    expect(form.getValue()).toEqual(quality);
    const error = form.node.querySelector('[data-error-for="groundTruth"]') as HTMLElement;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('No such folder');
    form.dispose();
  });
});
