import { DatasetFormat, parseDatasetFormat } from '../io/datasetFormat';
import { parseIsoTime, TimeWindow } from './captureWindow';
import { DataError } from '../errors';
import { S3Mapping } from './batchCapture';
import { MonitorOptions } from './runOptions';

/**
 * What a monitoring run read, kept in its `diagnostics.json` (`input`) so that the records behind
 * its numbers can be read again later (`model-monitor records --run DIR`). Paths are as the run
 * was given them: relative ones are relative to the folder the run started in.
 */
export interface RunInput {
  dataset: string;
  dataset_format?: DatasetFormat;
  header: boolean;
  start?: string;
  end?: string;
  preprocessor?: string;
  /** A batch transform capture: the S3 prefixes and their local folders (`--s3-map`). */
  batch_capture?: { s3_map: S3Mapping[] };
  baseline_statistics: string;
  baseline_constraints: string;
}

export function runInputOf(options: MonitorOptions): RunInput {
  return {
    dataset: options.dataset,
    ...(options.format ? { dataset_format: options.format } : {}),
    header: !!options.header,
    ...(options.window?.start ? { start: options.window.start.toISOString() } : {}),
    ...(options.window?.end ? { end: options.window.end.toISOString() } : {}),
    ...(options.preprocessorPath ? { preprocessor: options.preprocessorPath } : {}),
    ...(options.batchCapture ? { batch_capture: { s3_map: options.batchCapture.s3Map } } : {}),
    baseline_statistics: options.baselineStatistics,
    baseline_constraints: options.baselineConstraints
  };
}

/** The `input` of a diagnostics.json's text; a DataError naming the file when it has none. */
export function parseRunInput(diagnosticsText: string, file: string): RunInput {
  let input: Partial<Record<keyof RunInput, unknown>> | undefined;
  try {
    input = JSON.parse(diagnosticsText)?.input;
  } catch (error) {
    throw new DataError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const text = (key: keyof RunInput): string | undefined =>
    typeof input?.[key] === 'string' ? (input[key] as string) : undefined;
  const dataset = text('dataset');
  const statistics = text('baseline_statistics');
  const constraints = text('baseline_constraints');
  if (!dataset || !statistics || !constraints) {
    throw new DataError(
      `${file} does not say what the run read (written by an older version, or not by a monitoring run): ` +
        'give --dataset, --baseline-statistics and --baseline-constraints'
    );
  }
  const format = text('dataset_format');
  return {
    dataset,
    dataset_format: format ? (parseDatasetFormat(format) ?? undefined) : undefined,
    header: input?.header === true,
    start: text('start'),
    end: text('end'),
    preprocessor: text('preprocessor'),
    batch_capture: batchCaptureOf(input?.batch_capture),
    baseline_statistics: statistics,
    baseline_constraints: constraints
  };
}

function batchCaptureOf(value: unknown): RunInput['batch_capture'] {
  const map = (value as { s3_map?: unknown } | undefined)?.s3_map;
  if (!Array.isArray(map)) {
    return undefined;
  }
  const pairs = map.filter(
    (pair): pair is S3Mapping =>
      Array.isArray(pair) && pair.length === 2 && pair.every(part => typeof part === 'string')
  );
  return { s3_map: pairs };
}

export function windowOf(input: RunInput): TimeWindow | undefined {
  const start = input.start ? parseIsoTime(input.start) : undefined;
  const end = input.end ? parseIsoTime(input.end) : undefined;
  return start || end ? { start: start ?? undefined, end: end ?? undefined } : undefined;
}
