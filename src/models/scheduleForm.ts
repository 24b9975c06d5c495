import { TranslationBundle } from '@jupyterlab/translation';

import { Monitor, MonitorCreate } from '../api/types';
import { CronError, nextRuns, parseCron } from './cron';

export type SchedulePreset = 'hourly' | 'daily' | 'weekly' | 'custom' | 'manual';

export const PRESET_CRON: Record<Exclude<SchedulePreset, 'custom' | 'manual'>, string> = {
  hourly: '0 * * * *',
  daily: '0 0 * * *',
  weekly: '0 0 * * 1'
};

/** What the create-schedule form holds. */
export interface ScheduleFormValues {
  name: string;
  dataset: string;
  header: boolean;
  baselineStatistics: string;
  baselineConstraints: string;
  preset: SchedulePreset;
  customCron: string;
  windowHours: number;
  backend: string;
  webhookUrl: string;
}

export type ScheduleFormField = keyof ScheduleFormValues;

/** Field → message; `form` holds errors that belong to no single field. */
export type ScheduleFormErrors = Partial<Record<ScheduleFormField | 'form', string>>;

export function emptyScheduleForm(backend = 'local'): ScheduleFormValues {
  return {
    name: '',
    dataset: '',
    header: true,
    baselineStatistics: '',
    baselineConstraints: '',
    preset: 'hourly',
    customCron: '0 * * * *',
    windowHours: 1,
    backend,
    webhookUrl: ''
  };
}

/** The cron expression the form stands for; null for manual runs only. */
export function cronOf(values: ScheduleFormValues): string | null {
  switch (values.preset) {
    case 'manual':
      return null;
    case 'custom':
      return values.customCron.trim();
    default:
      return PRESET_CRON[values.preset];
  }
}

export type SchedulePreview = { runs: Date[] } | { error: string } | { manual: true };

/** The next runs of the form's schedule after `now`, computed here rather than by the server. */
export function previewSchedule(values: ScheduleFormValues, now: Date, count = 3): SchedulePreview {
  const cron = cronOf(values);
  if (cron === null) {
    return { manual: true };
  }
  try {
    return { runs: nextRuns(parseCron(cron), now, count) };
  } catch (error) {
    if (error instanceof CronError) {
      return { error: error.message };
    }
    throw error;
  }
}

/** The request body of `POST /model-monitor/monitors`. */
export function toMonitorCreate(values: ScheduleFormValues): MonitorCreate {
  const body: MonitorCreate = {
    name: values.name.trim(),
    dataset: values.dataset.trim(),
    header: values.header,
    baseline_statistics: values.baselineStatistics.trim(),
    baseline_constraints: values.baselineConstraints.trim(),
    schedule: cronOf(values),
    window_hours: values.windowHours,
    backend: values.backend
  };
  const url = values.webhookUrl.trim();
  if (url) {
    body.alerts = { webhooks: [{ url }] };
  }
  return body;
}

/** Checks the browser can make before asking the server (which checks everything again). */
export function validateScheduleForm(
  values: ScheduleFormValues,
  trans: TranslationBundle
): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  const required: [ScheduleFormField, string][] = [
    ['name', trans.__('Give the monitor a name.')],
    ['dataset', trans.__('Choose the captures or data to monitor.')],
    ['baselineStatistics', trans.__('Choose the baseline statistics.json.')],
    ['baselineConstraints', trans.__('Choose the baseline constraints.json.')]
  ];
  for (const [field, message] of required) {
    if (!String(values[field]).trim()) {
      errors[field] = message;
    }
  }
  const preview = previewSchedule(values, new Date(), 1);
  if ('error' in preview) {
    errors.customCron = preview.error;
  }
  if (!Number.isInteger(values.windowHours) || values.windowHours < 1 || values.windowHours > 744) {
    errors.windowHours = trans.__('A window of 1 to 744 hours.');
  }
  return errors;
}

const SERVER_FIELDS: Record<string, ScheduleFormField> = {
  name: 'name',
  dataset: 'dataset',
  header: 'header',
  baseline_statistics: 'baselineStatistics',
  baseline_constraints: 'baselineConstraints',
  schedule: 'customCron',
  window_hours: 'windowHours',
  backend: 'backend',
  alerts: 'webhookUrl'
};

/** The form field of a server error's `field` (`alerts.webhooks[0].url` → webhookUrl). */
export function formFieldOf(serverField: string | null | undefined): ScheduleFormField | 'form' {
  const root = (serverField ?? '').split(/[.[]/)[0];
  return SERVER_FIELDS[root] ?? 'form';
}

/** The form's values for editing an existing monitor (its first webhook stands for its alerts). */
export function scheduleFormOf(monitor: Monitor): ScheduleFormValues {
  const preset = presetOf(monitor.schedule);
  return {
    name: monitor.name,
    dataset: monitor.dataset,
    header: monitor.header,
    baselineStatistics: monitor.baseline_statistics,
    baselineConstraints: monitor.baseline_constraints,
    preset,
    customCron: monitor.schedule ?? PRESET_CRON.hourly,
    windowHours: monitor.window_hours,
    backend: monitor.backend,
    webhookUrl: monitor.alerts?.webhooks?.[0]?.url ?? ''
  };
}

function presetOf(schedule: string | null): SchedulePreset {
  if (schedule === null) {
    return 'manual';
  }
  const preset = (Object.keys(PRESET_CRON) as (keyof typeof PRESET_CRON)[]).find(
    key => PRESET_CRON[key] === schedule.trim()
  );
  return preset ?? 'custom';
}

/**
 * The body of `PATCH /model-monitor/monitors/{id}`: only the fields the user changed. A changed
 * webhook replaces the first one and keeps the monitor's other alert rules.
 */
export function toMonitorPatch(monitor: Monitor, values: ScheduleFormValues): MonitorPatch {
  const before = toMonitorCreate(scheduleFormOf(monitor));
  const after = toMonitorCreate(values);
  const patch: MonitorPatch = {};
  for (const key of PATCHABLE_FIELDS) {
    if (before[key] !== after[key]) {
      (patch as Record<string, unknown>)[key] = after[key];
    }
  }
  const url = values.webhookUrl.trim();
  if (url !== (monitor.alerts?.webhooks?.[0]?.url ?? '')) {
    const [first, ...others] = monitor.alerts?.webhooks ?? [];
    const webhooks = url ? [{ ...first, url }, ...others] : others;
    patch.alerts = { ...monitor.alerts, webhooks };
  }
  return patch;
}

export type MonitorPatch = Partial<MonitorCreate>;

const PATCHABLE_FIELDS = [
  'name',
  'dataset',
  'header',
  'baseline_statistics',
  'baseline_constraints',
  'schedule',
  'window_hours',
  'backend'
] as const;
