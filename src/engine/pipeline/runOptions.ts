import { BatchCapture } from './batchCapture';
import { AnalyzerGeneration } from '../documents/statistics';
import { DatasetFormat } from '../io/datasetFormat';
import { SegmentSpec } from '../profile/segmentSpec';
import { DriftTestOptions } from '../monitor/driftTests/driftTestOptions';
import { TimeWindow } from './captureWindow';
import { ProgressListener } from './progress';

/** Options every run that reads a dataset takes (FORMATS.md §2 names in brackets). */
export interface ReadRunOptions {
  /** A file or folder [dataset_source]. */
  dataset: string;
  /** Absent: detected per file [dataset_format]. */
  format?: DatasetFormat;
  /** CSV files start with a header row. */
  header?: boolean;
  /** Captures: only hours in [start, end) [start_time, end_time]. */
  window?: TimeWindow;
  /** Threads, the main one included; 1 reads everything in order in one profile (byte-exact with SageMaker). */
  workers?: number;
  /** `workers` is the default, not the user's choice: a small input then runs on one thread. */
  autoWorkers?: boolean;
  /** Fail when rejected records / records exceeds this (default 0.1). */
  maxErrorRate?: number;
  /** Fields a record may have (default DEFAULT_MAX_FIELDS); wider records are rejected. */
  maxFields?: number;
  /** Characters a record may have (default MAX_RECORD_CHARS); longer lines are rejected. */
  maxRecordChars?: number;
  /** JS module exporting `preprocess_handler` [record_preprocessor_script]. */
  preprocessorPath?: string;
  /** The dataset is a batch transform capture destination [BatchTransformInput]. */
  batchCapture?: BatchCapture;
  /** Also profile (and check) each segment of the rows [ours; SageMaker has no segments]. */
  segment?: SegmentSpec;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface BaselineOptions extends ReadRunOptions {
  outputDir: string;
  generation?: AnalyzerGeneration;
}

export interface MonitorOptions extends ReadRunOptions {
  outputDir: string;
  baselineStatistics: string;
  baselineConstraints: string;
  generation?: AnalyzerGeneration;
  /** Extension drift tests; `false` turns them all off (a file SageMaker would write). */
  driftTests?: DriftTestOptions | false;
  /** Write CloudWatch-format metrics (SageMaker's publish_cloudwatch_metrics) into `dir`. */
  metrics?: MetricsOutput;
  /** Segments are checked against the baseline's segment of the same value (`own`) or the whole. */
  segmentBaseline?: SegmentBaselineChoice;
}

export type SegmentBaselineChoice = 'own' | 'overall';

export interface MetricsOutput {
  dir: string;
  /** The metrics' time; absent: the window's start (SageMaker's metric_time), else the run's. */
  time?: Date;
  endpoint?: string;
  schedule?: string;
}

export interface ProfileOptions extends ReadRunOptions {
  /** The profile JSON file to write. */
  output: string;
}

export interface MergeOptions {
  profiles: string[];
  output: string;
}

export const DEFAULT_MAX_ERROR_RATE = 0.1;

/**
 * Below this many input bytes, default runs use one worker: starting threads and merging their
 * profiles costs more than a second thread saves (and one worker gives SageMaker's exact bytes).
 * Measured with the byte-level core (bench, 2 cores): at 33 MB of CSV two workers took 1.34 s
 * against one's 1.04 s, at 100 MB of captures they tied (1.62 s, 1.60 s), at 354 MB of CSV and
 * 1 GB of captures two won (4.8 s against 6.3 s, 7.3 s against 10.3 s).
 */
export const SMALL_INPUT_BYTES = 128 * 1024 * 1024;
