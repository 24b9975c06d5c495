import { TranslationBundle } from '@jupyterlab/translation';

import { MAX_WINDOW_HOURS } from '../api/limits';
import {
  CustomMonitorSettings,
  ModelQualitySettings,
  Monitor,
  MonitorCreate,
  MonitorType,
  ProblemType,
  SegmentSettings
} from '../api/types';
import { CronError, nextRuns, parseCron } from './cron';
import { emptySegmentValues, SegmentValues, toSegment, validateSegment } from './segmentForm';

export type SchedulePreset = 'hourly' | 'daily' | 'weekly' | 'custom' | 'manual';

export const PRESET_CRON: Record<Exclude<SchedulePreset, 'custom' | 'manual'>, string> = {
  hourly: '0 * * * *',
  daily: '0 0 * * *',
  weekly: '0 0 * * 1'
};

/** What the create-schedule form holds (data quality: the segment column and options too). */
export interface ScheduleFormValues extends SegmentValues {
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
  monitorType: MonitorType;
  /** Model quality only (the server's `model_quality` object). */
  problemType: ProblemType;
  groundTruth: string;
  groundTruthAttribute: string;
  inferenceAttribute: string;
  probabilityAttribute: string;
  /** Text, so an empty box means "the server's default". */
  probabilityThreshold: string;
  positiveLabel: string;
  labelLatenessHours: number;
  /** Data quality only: SageMaker's scripts, paths relative to the server root ('' = none). */
  recordPreprocessorScript: string;
  postAnalyticsProcessorScript: string;
  /** Data quality only: a batch transform capture's S3 prefix and its local copy ('' = none). */
  batchS3Prefix: string;
  batchFolder: string;
  /** Compare a segment with the baseline's same segment (own) or the whole baseline. */
  segmentBaseline: 'own' | 'overall';
  /** Custom only: a script under the root or a container image (one), and its arguments. */
  customScript: string;
  customImage: string;
  /** Space-separated (an argument with spaces needs the REST API). */
  customArguments: string;
}

export const PROBLEM_TYPES: ProblemType[] = [
  'Regression',
  'BinaryClassification',
  'MulticlassClassification'
];

/** Model-quality monitors run on these backends only (the server refuses others). */
export const QUALITY_BACKENDS = ['local'];
/** Custom monitors too: the server runs the program itself. */
export const CUSTOM_BACKENDS = ['local'];

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
    webhookUrl: '',
    recordPreprocessorScript: '',
    postAnalyticsProcessorScript: '',
    batchS3Prefix: '',
    batchFolder: '',
    ...emptySegmentValues(),
    segmentBaseline: 'own',
    ...emptyCustomValues(),
    ...emptyQualityValues()
  };
}

function emptyCustomValues() {
  return { customScript: '', customImage: '', customArguments: '' };
}

function emptyQualityValues() {
  return {
    monitorType: 'data-quality' as MonitorType,
    problemType: 'BinaryClassification' as ProblemType,
    groundTruth: '',
    groundTruthAttribute: '',
    inferenceAttribute: '',
    probabilityAttribute: '',
    probabilityThreshold: '',
    positiveLabel: '',
    labelLatenessHours: 24
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
  const dataQuality = values.monitorType === 'data-quality';
  // Only data-quality monitors run processor scripts: null clears any a monitor had.
  body.record_preprocessor_script = (dataQuality && values.recordPreprocessorScript.trim()) || null;
  body.post_analytics_processor_script =
    (dataQuality && values.postAnalyticsProcessorScript.trim()) || null;
  const prefix = values.batchS3Prefix.trim();
  body.batch_capture =
    dataQuality && prefix ? { s3_map: { [prefix]: values.batchFolder.trim() } } : null;
  const segment = dataQuality ? toSegment(values) : null;
  body.segment = segment && { ...segment, baseline: values.segmentBaseline };
  if (values.monitorType === 'model-quality') {
    body.monitor_type = 'model-quality';
    body.model_quality = toModelQuality(values);
  }
  if (values.monitorType === 'custom') {
    body.monitor_type = 'custom';
    body.custom_monitor = toCustomMonitor(values);
  }
  return body;
}

/** The server's `custom_monitor` object: the script or the image, and the arguments. */
export function toCustomMonitor(values: ScheduleFormValues): CustomMonitorSettings {
  const image = values.customImage.trim();
  return {
    script: image ? null : values.customScript.trim(),
    image: image || null,
    arguments: values.customArguments.split(/\s+/).filter(Boolean)
  };
}

/** The server's `model_quality` object; empty optional boxes become null (server defaults). */
export function toModelQuality(values: ScheduleFormValues): ModelQualitySettings {
  const text = (value: string) => value.trim() || null;
  const threshold = values.probabilityThreshold.trim();
  return {
    problem_type: values.problemType,
    ground_truth: values.groundTruth.trim(),
    ground_truth_attribute: text(values.groundTruthAttribute),
    inference_attribute: text(values.inferenceAttribute),
    probability_attribute: text(values.probabilityAttribute),
    probability_threshold: threshold ? Number(threshold) : null,
    positive_label: text(values.positiveLabel),
    label_lateness_hours: values.labelLatenessHours
  };
}

/** The server's rule for monitor names (validation.py NAME), matched whole. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

/**
 * What is wrong with a monitor name (sent trimmed), checked as the user types; undefined when it
 * is fine.
 */
export function nameProblem(name: string, trans: TranslationBundle): string | undefined {
  if (!name.trim()) {
    return trans.__('Give the monitor a name.');
  }
  return NAME.test(name.trim())
    ? undefined
    : trans.__("1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
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
  errors.name ??= nameProblem(values.name, trans);
  if (!errors.name) {
    delete errors.name;
  }
  const preview = previewSchedule(values, new Date(), 1);
  if ('error' in preview) {
    errors.customCron = preview.error;
  }
  if (
    !Number.isInteger(values.windowHours) ||
    values.windowHours < 1 ||
    values.windowHours > MAX_WINDOW_HOURS
  ) {
    errors.windowHours = trans.__('A window of 1 to %1 hours.', MAX_WINDOW_HOURS);
  }
  if (values.monitorType === 'model-quality') {
    Object.assign(errors, validateQuality(values, trans));
  }
  if (values.monitorType === 'custom') {
    Object.assign(errors, validateCustom(values, trans));
  }
  if (values.monitorType === 'data-quality') {
    Object.assign(errors, validateBatchCapture(values, trans), validateSegment(values, trans));
    if (values.segmentBy.trim() && values.backend !== 'local') {
      errors.backend =
        values.backend === 'sagemaker'
          ? trans.__('SageMaker Model Monitor cannot segment a run: use the local backend.')
          : trans.__('The local backend segments runs.');
    }
  }
  return errors;
}

function validateBatchCapture(
  values: ScheduleFormValues,
  trans: TranslationBundle
): ScheduleFormErrors {
  const prefix = values.batchS3Prefix.trim();
  const folder = values.batchFolder.trim();
  const errors: ScheduleFormErrors = {};
  if (prefix && !prefix.startsWith('s3://')) {
    errors.batchS3Prefix = trans.__('An S3 prefix such as s3://bucket/transform-input/.');
  } else if (folder && !prefix) {
    errors.batchS3Prefix = trans.__('Give the S3 prefix the manifests name.');
  } else if (prefix && !folder) {
    errors.batchFolder = trans.__('Give the folder that holds a copy of the prefix.');
  } else if (prefix && values.backend !== 'local') {
    errors.backend = trans.__('The local backend reads batch transform captures.');
  }
  return errors;
}

function validateCustom(values: ScheduleFormValues, trans: TranslationBundle): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  if (Boolean(values.customScript.trim()) === Boolean(values.customImage.trim())) {
    errors.customScript = trans.__('Give a script or a container image (one of them).');
  }
  if (!CUSTOM_BACKENDS.includes(values.backend)) {
    errors.backend = trans.__('Custom monitors run on the local backend.');
  }
  return errors;
}

function validateQuality(values: ScheduleFormValues, trans: TranslationBundle): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  if (!values.groundTruth.trim()) {
    errors.groundTruth = trans.__('Choose the folder of ground-truth labels.');
  }
  if (!values.inferenceAttribute.trim() && !values.probabilityAttribute.trim()) {
    errors.inferenceAttribute = trans.__(
      'Give the inference attribute, the probability attribute, or both.'
    );
  }
  if (values.probabilityAttribute.trim() && values.problemType !== 'BinaryClassification') {
    errors.probabilityAttribute = trans.__('Only binary classification uses a probability.');
  }
  const threshold = values.probabilityThreshold.trim();
  if (threshold && !(Number(threshold) >= 0 && Number(threshold) <= 1)) {
    errors.probabilityThreshold = trans.__('A number from 0 to 1, or empty for 0.5.');
  }
  const lateness = values.labelLatenessHours;
  if (!Number.isInteger(lateness) || lateness < 0 || lateness > MAX_WINDOW_HOURS) {
    errors.labelLatenessHours = trans.__('0 to %1 hours.', MAX_WINDOW_HOURS);
  }
  if (!QUALITY_BACKENDS.includes(values.backend)) {
    errors.backend = trans.__('Model-quality monitors run on the local backend.');
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
  alerts: 'webhookUrl',
  monitor_type: 'monitorType',
  model_quality: 'groundTruth',
  record_preprocessor_script: 'recordPreprocessorScript',
  post_analytics_processor_script: 'postAnalyticsProcessorScript',
  batch_capture: 'batchS3Prefix',
  segment: 'segmentBy',
  custom_monitor: 'customScript'
};

const SEGMENT_SERVER_FIELDS: Record<string, ScheduleFormField> = {
  by: 'segmentBy',
  max_segments: 'maxSegments',
  baseline: 'segmentBaseline'
};

const CUSTOM_SERVER_FIELDS: Record<string, ScheduleFormField> = {
  script: 'customScript',
  image: 'customImage',
  arguments: 'customArguments'
};

const QUALITY_SERVER_FIELDS: Record<string, ScheduleFormField> = {
  problem_type: 'problemType',
  ground_truth: 'groundTruth',
  ground_truth_attribute: 'groundTruthAttribute',
  inference_attribute: 'inferenceAttribute',
  probability_attribute: 'probabilityAttribute',
  probability_threshold: 'probabilityThreshold',
  positive_label: 'positiveLabel',
  label_lateness_hours: 'labelLatenessHours'
};

/** The form field of a server error's `field` (`alerts.webhooks[0].url` → webhookUrl). */
export function formFieldOf(serverField: string | null | undefined): ScheduleFormField | 'form' {
  const [root, sub] = (serverField ?? '').split(/[.[]/);
  if (root === 'model_quality' && sub && QUALITY_SERVER_FIELDS[sub]) {
    return QUALITY_SERVER_FIELDS[sub];
  }
  if (root === 'custom_monitor' && sub && CUSTOM_SERVER_FIELDS[sub]) {
    return CUSTOM_SERVER_FIELDS[sub];
  }
  if (root === 'segment' && sub && SEGMENT_SERVER_FIELDS[sub]) {
    return SEGMENT_SERVER_FIELDS[sub];
  }
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
    webhookUrl: monitor.alerts?.webhooks?.[0]?.url ?? '',
    recordPreprocessorScript: monitor.record_preprocessor_script ?? '',
    postAnalyticsProcessorScript: monitor.post_analytics_processor_script ?? '',
    ...batchValuesOf(monitor),
    ...segmentValuesOf(monitor.segment),
    ...customValuesOf(monitor),
    ...qualityValuesOf(monitor),
    monitorType: monitor.monitor_type ?? 'data-quality'
  };
}

/** The first S3 prefix of a monitor's batch capture (the form edits one; others stay). */
function batchValuesOf(monitor: Monitor) {
  const [first] = Object.entries(monitor.batch_capture?.s3_map ?? {});
  return { batchS3Prefix: first?.[0] ?? '', batchFolder: first?.[1] ?? '' };
}

function segmentValuesOf(segment: SegmentSettings | null | undefined) {
  const empty = emptySegmentValues();
  return {
    segmentBy: segment?.by ?? empty.segmentBy,
    maxSegments: segment?.max_segments ?? empty.maxSegments,
    segmentBaseline: segment?.baseline ?? 'own'
  };
}

function customValuesOf(monitor: Monitor) {
  const custom = monitor.monitor_type === 'custom' ? monitor.custom_monitor : null;
  return {
    customScript: custom?.script ?? '',
    customImage: custom?.image ?? '',
    customArguments: (custom?.arguments ?? []).join(' ')
  };
}

function qualityValuesOf(monitor: Monitor) {
  const empty = emptyQualityValues();
  const quality = monitor.model_quality;
  if (monitor.monitor_type !== 'model-quality' || !quality) {
    return empty;
  }
  const threshold = quality.probability_threshold;
  return {
    monitorType: 'model-quality' as MonitorType,
    problemType: quality.problem_type,
    groundTruth: quality.ground_truth,
    groundTruthAttribute: quality.ground_truth_attribute ?? '',
    inferenceAttribute: quality.inference_attribute ?? '',
    probabilityAttribute: quality.probability_attribute ?? '',
    probabilityThreshold: threshold === null || threshold === undefined ? '' : String(threshold),
    positiveLabel: quality.positive_label ?? '',
    labelLatenessHours: quality.label_lateness_hours ?? empty.labelLatenessHours
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
  if (values.monitorType !== (monitor.monitor_type ?? 'data-quality')) {
    patch.monitor_type = values.monitorType;
  }
  const quality = after.model_quality ?? null;
  if (JSON.stringify(quality) !== JSON.stringify(before.model_quality ?? null)) {
    patch.model_quality = quality;
  }
  const batch = after.batch_capture ?? null;
  if (JSON.stringify(batch) !== JSON.stringify(before.batch_capture ?? null)) {
    // The form shows the first mapping only: the others go back as they were.
    const [, ...others] = Object.entries(monitor.batch_capture?.s3_map ?? {});
    patch.batch_capture = batch && {
      s3_map: { ...Object.fromEntries(others), ...batch.s3_map }
    };
  }
  const segment = after.segment ?? null;
  if (JSON.stringify(segment) !== JSON.stringify(before.segment ?? null)) {
    patch.segment = segment;
  }
  const custom = after.custom_monitor ?? null;
  if (JSON.stringify(custom) !== JSON.stringify(before.custom_monitor ?? null)) {
    patch.custom_monitor = custom;
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
  'backend',
  'record_preprocessor_script',
  'post_analytics_processor_script'
] as const;
