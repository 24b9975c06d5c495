import { nullTranslator } from '@jupyterlab/translation';

import {
  emptyScheduleForm,
  formFieldOf,
  previewSchedule,
  toMonitorCreate,
  validateScheduleForm
} from '../../../src/models/scheduleForm';

const trans = nullTranslator.load('jupyterlab_model_monitor');
const filled = {
  ...emptyScheduleForm(),
  name: ' churn ',
  dataset: 'captures/churn',
  baselineStatistics: 'baseline/statistics.json',
  baselineConstraints: 'baseline/constraints.json'
};

describe('schedule form model', () => {
  it('turns presets into cron expressions and the form into the POST body', () => {
    expect(toMonitorCreate({ ...filled, preset: 'weekly' })).toEqual({
      name: 'churn',
      dataset: 'captures/churn',
      header: true,
      baseline_statistics: 'baseline/statistics.json',
      baseline_constraints: 'baseline/constraints.json',
      schedule: '0 0 * * 1',
      window_hours: 1,
      backend: 'local',
      record_preprocessor_script: null,
      post_analytics_processor_script: null,
      batch_capture: null,
      segment: null
    });
    const body = toMonitorCreate({ ...filled, preset: 'manual', webhookUrl: 'https://h/x' });
    expect(body.schedule).toBeNull();
    expect(body.alerts).toEqual({ webhooks: [{ url: 'https://h/x' }] });
  });

  it('sends a batch transform capture’s S3 prefix and folder, both or neither', () => {
    const batch = { ...filled, batchS3Prefix: ' s3://b/in/ ', batchFolder: 'mirror/in' };
    expect(toMonitorCreate(batch).batch_capture).toEqual({ s3_map: { 's3://b/in/': 'mirror/in' } });
    expect(validateScheduleForm(batch, trans)).toEqual({});
    expect(validateScheduleForm({ ...batch, batchFolder: '' }, trans).batchFolder).toContain(
      'folder'
    );
    expect(
      validateScheduleForm({ ...batch, batchS3Prefix: 'b/in' }, trans).batchS3Prefix
    ).toContain('s3://');
    expect(validateScheduleForm({ ...batch, backend: 'spark' }, trans).backend).toContain('local');
    const quality = { ...batch, monitorType: 'model-quality' as const };
    expect(toMonitorCreate(quality).batch_capture).toBeNull();
    expect(formFieldOf('batch_capture.s3_map')).toBe('batchS3Prefix');
  });

  it('sends a segment column with its options, for data-quality monitors on the local engine', () => {
    const segmented = { ...filled, segmentBy: ' region ', maxSegments: 5 };
    expect(toMonitorCreate(segmented).segment).toEqual({
      by: 'region',
      max_segments: 5,
      baseline: 'own'
    });
    expect(
      toMonitorCreate({ ...segmented, segmentBaseline: 'overall' as const }).segment?.baseline
    ).toBe('overall');
    expect(validateScheduleForm(segmented, trans)).toEqual({});
    expect(validateScheduleForm({ ...segmented, maxSegments: 0 }, trans).maxSegments).toContain(
      '1 to 1000'
    );
    expect(validateScheduleForm({ ...segmented, maxSegments: 1001 }, trans).maxSegments).toBe(
      '1 to 1000 segments.'
    );
    expect(
      validateScheduleForm({ ...segmented, segmentBy: 'eventMetadata.' }, trans).segmentBy
    ).toContain('metadata key');
    expect(validateScheduleForm({ ...segmented, segmentBy: 'x'.repeat(201) }, trans)).toEqual({
      segmentBy: 'A column name of at most 200 characters.'
    });
    expect(validateScheduleForm({ ...segmented, backend: 'sagemaker' }, trans).backend).toContain(
      'SageMaker Model Monitor cannot segment'
    );
    // No column: not segmented, whatever the other boxes hold.
    const unsegmented = { ...filled, maxSegments: 0, backend: 'sagemaker' };
    expect(toMonitorCreate(unsegmented).segment).toBeNull();
    expect(validateScheduleForm(unsegmented, trans)).toEqual({});
    const quality = { ...segmented, monitorType: 'model-quality' as const };
    expect(toMonitorCreate(quality).segment).toBeNull();
    expect(formFieldOf('segment')).toBe('segmentBy');
    expect(formFieldOf('segment.max_segments')).toBe('maxSegments');
    expect(formFieldOf('segment.baseline')).toBe('segmentBaseline');
  });

  it('sends a custom monitor’s script or image with its arguments, and checks it has one', () => {
    const custom = { ...filled, monitorType: 'custom' as const, customArguments: ' --min  5 ' };
    expect(toMonitorCreate({ ...custom, customScript: 'monitors/m.py' })).toMatchObject({
      monitor_type: 'custom',
      custom_monitor: { script: 'monitors/m.py', image: null, arguments: ['--min', '5'] },
      record_preprocessor_script: null
    });
    expect(toMonitorCreate({ ...custom, customImage: 'reg/m:1' }).custom_monitor).toEqual({
      script: null,
      image: 'reg/m:1',
      arguments: ['--min', '5']
    });
    expect(validateScheduleForm(custom, trans).customScript).toContain('one of them');
    const both = { ...custom, customScript: 'a.py', customImage: 'reg/m:1', backend: 'spark' };
    expect(Object.keys(validateScheduleForm(both, trans)).sort()).toEqual([
      'backend',
      'customScript'
    ]);
    expect(formFieldOf('custom_monitor.image')).toBe('customImage');
  });

  it("sends SageMaker's processor scripts of a data-quality monitor, and clears them otherwise", () => {
    const scripts = {
      recordPreprocessorScript: ' scripts/pre.py ',
      postAnalyticsProcessorScript: 'scripts/post.py'
    };
    expect(toMonitorCreate({ ...filled, ...scripts })).toMatchObject({
      record_preprocessor_script: 'scripts/pre.py',
      post_analytics_processor_script: 'scripts/post.py'
    });
    const quality = toMonitorCreate({ ...filled, ...scripts, monitorType: 'model-quality' });
    expect(quality.record_preprocessor_script).toBeNull();
    expect(quality.post_analytics_processor_script).toBeNull();
    expect(formFieldOf('record_preprocessor_script')).toBe('recordPreprocessorScript');
  });

  it('previews the next runs, or says why it cannot', () => {
    const now = new Date('2026-11-25T03:24:00Z');
    expect(previewSchedule({ ...filled, preset: 'daily' }, now)).toEqual({
      runs: [
        new Date('2026-11-26T00:00:00Z'),
        new Date('2026-11-27T00:00:00Z'),
        new Date('2026-11-28T00:00:00Z')
      ]
    });
    expect(previewSchedule({ ...filled, preset: 'manual' }, now)).toEqual({ manual: true });
    const bad = previewSchedule({ ...filled, preset: 'custom', customCron: '* *' }, now);
    expect('error' in bad && bad.error).toContain('5 fields');
  });

  it('checks required fields, the custom cron and the window before asking the server', () => {
    expect(validateScheduleForm(filled, trans)).toEqual({});
    const errors = validateScheduleForm(
      { ...emptyScheduleForm(), preset: 'custom', customCron: '99 * * * *', windowHours: 0 },
      trans
    );
    expect(Object.keys(errors).sort()).toEqual([
      'baselineConstraints',
      'baselineStatistics',
      'customCron',
      'dataset',
      'name',
      'windowHours'
    ]);
  });

  it('maps server error fields to form fields', () => {
    expect(formFieldOf('alerts.webhooks[0].url')).toBe('webhookUrl');
    expect(formFieldOf('baseline_statistics')).toBe('baselineStatistics');
    expect(formFieldOf('schedule')).toBe('customCron');
    expect(formFieldOf(null)).toBe('form');
    expect(formFieldOf('something_new')).toBe('form');
  });
});
