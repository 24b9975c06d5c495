/** The build-baseline form: its values, defaults, checks and the request it stands for. */
import { TranslationBundle } from '@jupyterlab/translation';

import { BaselineRequest, DatasetFormat } from '../api/baselines';
import { emptySegmentValues, SegmentValues, toSegment, validateSegment } from './segmentForm';

/** What the user picks; `auto` lets the engine detect the format. */
export type FormatChoice = 'auto' | 'csv' | 'jsonlines' | 'capture' | 'arrow';

export const FORMAT_CHOICES: FormatChoice[] = ['auto', 'csv', 'jsonlines', 'capture', 'arrow'];

const ENGINE_FORMAT: Record<FormatChoice, DatasetFormat | null> = {
  auto: null,
  csv: 'csv',
  jsonlines: 'json',
  capture: 'sagemaker_capture_json',
  arrow: 'arrow'
};

/** Segments: also a baseline per value of a column, which segmented monitors compare with. */
export interface BaselineFormValues extends SegmentValues {
  dataset: string;
  format: FormatChoice;
  /** CSV only: the first row names the columns. */
  header: boolean;
  output: string;
  /** Replace the statistics.json already in the output folder. */
  overwrite: boolean;
}

export type BaselineFormField = keyof BaselineFormValues;
export type BaselineFormErrors = Partial<Record<BaselineFormField | 'form', string>>;

const EXTENSION_FORMATS: [RegExp, FormatChoice][] = [
  [/\.csv$/i, 'csv'],
  [/\.(jsonl|ndjson|json)$/i, 'jsonlines'],
  [/\.(arrow|arrows|feather|ipc)$/i, 'arrow']
];

/** The format a file's extension says; `auto` for folders and anything else. */
export function formatOfPath(path: string): FormatChoice {
  return EXTENSION_FORMATS.find(([pattern]) => pattern.test(path))?.[1] ?? 'auto';
}

/** `data/training.csv` → `data/training-baseline`: the results sit next to the data set. */
export function defaultOutput(dataset: string): string {
  const trimmed = dataset.trim().replace(/\/+$/, '');
  if (!trimmed) {
    return '';
  }
  const slash = trimmed.lastIndexOf('/');
  const name = trimmed.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${trimmed.slice(0, slash + 1)}${stem}-baseline`;
}

/**
 * The form's first values for a data set. A CSV header is on by default, as in SageMaker's
 * `DatasetFormat.csv(header=True)`.
 */
export function initialBaselineForm(dataset = ''): BaselineFormValues {
  const format = formatOfPath(dataset);
  return {
    dataset,
    format,
    header: format === 'csv' || format === 'auto',
    output: defaultOutput(dataset),
    overwrite: false,
    ...emptySegmentValues()
  };
}

/** Checks the browser can make before asking the server (which confines paths to its root). */
export function validateBaselineForm(
  values: BaselineFormValues,
  trans: TranslationBundle
): BaselineFormErrors {
  const errors: BaselineFormErrors = {};
  const dataset = pathProblem(values.dataset, trans);
  if (dataset) {
    errors.dataset = dataset;
  }
  const output = pathProblem(values.output, trans);
  if (output) {
    errors.output = output;
  } else if (normalise(values.output) === normalise(values.dataset)) {
    errors.output = trans.__('Choose a folder other than the data set.');
  }
  if (!FORMAT_CHOICES.includes(values.format)) {
    errors.format = trans.__('Choose one of the formats.');
  }
  return { ...errors, ...validateSegment(values, trans) };
}

function pathProblem(path: string, trans: TranslationBundle): string | null {
  const trimmed = path.trim();
  if (!trimmed) {
    return trans.__('Required.');
  }
  if (trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed)) {
    return trans.__('Use a path relative to the Jupyter root, e.g. data/training.csv.');
  }
  if (trimmed.split(/[\\/]/).includes('..')) {
    return trans.__('The path cannot leave the Jupyter root (no "..").');
  }
  return null;
}

function normalise(path: string): string {
  return path.trim().replace(/\/+$/, '');
}

/** The body of `POST /model-monitor/baselines`. */
export function toBaselineRequest(values: BaselineFormValues): BaselineRequest {
  const request: BaselineRequest = {
    dataset: normalise(values.dataset),
    dataset_format: ENGINE_FORMAT[values.format],
    header: values.header,
    output: normalise(values.output)
  };
  if (values.overwrite) {
    request.overwrite = true;
  }
  const segment = toSegment(values);
  return segment ? { ...request, segment } : request;
}

/** The form field a server error's `field` belongs to. */
export function formFieldOf(serverField: string | null | undefined): BaselineFormField | 'form' {
  switch (serverField) {
    case 'dataset':
    case 'header':
    case 'output':
    case 'overwrite':
      return serverField;
    case 'dataset_format':
      return 'format';
    case 'segment':
    case 'segment.by':
      return 'segmentBy';
    case 'segment.max_segments':
      return 'maxSegments';
    default:
      return 'form';
  }
}
