import { AnalyzerGeneration } from '../documents/statistics';
import { DatasetFormat } from '../io/datasetFormat';
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
  /** JS module exporting `preprocess_handler` [record_preprocessor_script]. */
  preprocessorPath?: string;
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
 */
export const SMALL_INPUT_BYTES = 32 * 1024 * 1024;
