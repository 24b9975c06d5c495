import { Monitor } from '../../../src/api/types';
import { scheduleFormOf, toMonitorPatch } from '../../../src/models/scheduleForm';

const MONITOR: Monitor = {
  id: 'm1',
  name: 'churn-hourly',
  dataset: 'captures/churn',
  dataset_format: null,
  header: true,
  baseline_statistics: 'baseline/statistics.json',
  baseline_constraints: 'baseline/constraints.json',
  output: 'monitoring/churn-hourly',
  schedule: '0 * * * *',
  window_hours: 1,
  catch_up: 'skip',
  backend: 'local',
  enabled: true,
  alerts: {
    notify: false,
    webhooks: [
      { url: 'https://hooks.example.com/a', format: 'slack' },
      { url: 'https://b.example' }
    ]
  },
  next_run_at: null,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z'
};

describe('editing a monitor in the schedule form', () => {
  test('the form is filled from the monitor', () => {
    expect(scheduleFormOf(MONITOR)).toMatchObject({
      monitorType: 'data-quality',
      name: 'churn-hourly',
      dataset: 'captures/churn',
      header: true,
      baselineStatistics: 'baseline/statistics.json',
      baselineConstraints: 'baseline/constraints.json',
      preset: 'hourly',
      customCron: '0 * * * *',
      windowHours: 1,
      backend: 'local',
      webhookUrl: 'https://hooks.example.com/a'
    });
  });

  test.each([
    [null, 'manual'],
    ['0 0 * * *', 'daily'],
    ['0 0 * * 1', 'weekly'],
    ['*/15 * * * *', 'custom']
  ])('schedule %p is the %s preset', (schedule, preset) => {
    const values = scheduleFormOf({ ...MONITOR, schedule });
    expect(values.preset).toBe(preset);
    if (schedule) {
      expect(values.customCron).toBe(schedule);
    }
  });

  test('an unchanged form patches nothing', () => {
    expect(toMonitorPatch(MONITOR, scheduleFormOf(MONITOR))).toEqual({});
  });

  test('only changed fields are sent', () => {
    const values = { ...scheduleFormOf(MONITOR), preset: 'daily' as const, windowHours: 24 };
    expect(toMonitorPatch(MONITOR, values)).toEqual({ schedule: '0 0 * * *', window_hours: 24 });
    const manual = { ...scheduleFormOf(MONITOR), preset: 'manual' as const, name: ' renamed ' };
    expect(toMonitorPatch(MONITOR, manual)).toEqual({ schedule: null, name: 'renamed' });
  });

  test('processor scripts are shown, and only a changed one is sent (null removes it)', () => {
    const withScript = { ...MONITOR, record_preprocessor_script: 'scripts/pre.py' };
    const values = scheduleFormOf(withScript);
    expect(values.recordPreprocessorScript).toBe('scripts/pre.py');
    expect(toMonitorPatch(withScript, values)).toEqual({});
    const changed = {
      ...values,
      recordPreprocessorScript: '',
      postAnalyticsProcessorScript: 'p.py'
    };
    expect(toMonitorPatch(withScript, changed)).toEqual({
      record_preprocessor_script: null,
      post_analytics_processor_script: 'p.py'
    });
  });

  test('a batch capture shows its first mapping, and a change keeps the others', () => {
    const s3Map = { 's3://b/one/': 'copy/one', 's3://b/two/': 'copy/two' };
    const batch = { ...MONITOR, batch_capture: { s3_map: s3Map } };
    const values = scheduleFormOf(batch);
    expect([values.batchS3Prefix, values.batchFolder]).toEqual(['s3://b/one/', 'copy/one']);
    expect(toMonitorPatch(batch, values)).toEqual({});
    expect(toMonitorPatch(batch, { ...values, batchFolder: 'elsewhere' })).toEqual({
      batch_capture: { s3_map: { 's3://b/two/': 'copy/two', 's3://b/one/': 'elsewhere' } }
    });
  });

  test('a segmented monitor keeps its segment unless the form changes it', () => {
    const segment = { by: 'eventMetadata.region', max_segments: 50, baseline: 'overall' as const };
    const segmented = { ...MONITOR, segment };
    const values = scheduleFormOf(segmented);
    expect([values.segmentBy, values.maxSegments, values.segmentBaseline]).toEqual([
      'eventMetadata.region',
      50,
      'overall'
    ]);
    expect(toMonitorPatch(segmented, { ...values, name: 'renamed' })).toEqual({ name: 'renamed' });
    expect(toMonitorPatch(segmented, { ...values, maxSegments: 10 })).toEqual({
      segment: { ...segment, max_segments: 10 }
    });
    expect(toMonitorPatch(segmented, { ...values, segmentBy: '' })).toEqual({ segment: null });
    expect(toMonitorPatch(MONITOR, { ...scheduleFormOf(MONITOR), segmentBy: 'region' })).toEqual({
      segment: { by: 'region', max_segments: 20, baseline: 'own' }
    });
  });

  test('a custom monitor is shown and patched by its program', () => {
    const custom = {
      ...MONITOR,
      monitor_type: 'custom' as const,
      custom_monitor: { script: 'monitors/m.py', image: null, arguments: ['-v'] }
    };
    const values = scheduleFormOf(custom);
    expect([values.monitorType, values.customScript, values.customArguments]).toEqual([
      'custom',
      'monitors/m.py',
      '-v'
    ]);
    expect(toMonitorPatch(custom, values)).toEqual({});
    expect(toMonitorPatch(custom, { ...values, customArguments: '' })).toEqual({
      custom_monitor: { script: 'monitors/m.py', image: null, arguments: [] }
    });
  });

  test('a changed webhook replaces the first and keeps the other alert rules', () => {
    const values = { ...scheduleFormOf(MONITOR), webhookUrl: 'https://new.example/x' };
    expect(toMonitorPatch(MONITOR, values)).toEqual({
      alerts: {
        notify: false,
        webhooks: [{ url: 'https://new.example/x', format: 'slack' }, { url: 'https://b.example' }]
      }
    });
    const cleared = { ...scheduleFormOf(MONITOR), webhookUrl: '' };
    expect(toMonitorPatch(MONITOR, cleared).alerts).toEqual({
      notify: false,
      webhooks: [{ url: 'https://b.example' }]
    });
    const added = toMonitorPatch({ ...MONITOR, alerts: null }, values);
    expect(added.alerts).toEqual({ webhooks: [{ url: 'https://new.example/x' }] });
  });
});
