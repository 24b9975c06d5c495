import { formatDiagnostic } from '../diagnostics';
import { CancelledError, DataError, noInputFilesError, UsageError } from '../errors';
import { MergedResult, ResultMerger } from './mergeResults';
import { InputPart, planTasks, totalBytes } from './parts';
import { ProgressTally } from './progress';
import { ReadSettings } from './readSettings';
import { DEFAULT_MAX_ERROR_RATE, ReadRunOptions, SMALL_INPUT_BYTES } from './runOptions';
import { PipelineRuntime } from './runtime';

/**
 * Reads and profiles a dataset: lists its parts, runs the tasks, merges them in input order and
 * enforces `maxErrorRate`. Shared by baseline, monitor and profile runs.
 */
export async function profileInput(
  command: string,
  options: ReadRunOptions,
  runtime: PipelineRuntime,
  featureNames?: string[]
): Promise<MergedResult & { workers: number }> {
  let workers = Math.max(1, options.workers ?? 1);
  const settings: ReadSettings = {
    format: options.format ?? null,
    header: !!options.header,
    featureNames,
    preprocessorPath: options.preprocessorPath,
    maxFields: options.maxFields,
    maxRecordChars: options.maxRecordChars,
    segment: options.segment
  };
  if (options.segment) {
    // Segments are numbered in input order, which one task reading everything in order keeps.
    workers = 1;
  }
  const list = (split: boolean) =>
    runtime.listParts(options.dataset, {
      window: options.window,
      split,
      settings,
      batchCapture: options.batchCapture
    });
  // Listed whole first: a small input runs on one thread and is never split (a pass over its bytes).
  const whole = await list(false);
  if (whole.length === 0) {
    throw noInputFilesError(options.dataset, !!options.window);
  }
  const bytesTotal = totalBytes(whole);
  if (options.autoWorkers && bytesTotal < SMALL_INPUT_BYTES) {
    workers = 1;
  }
  // Before a big file is split: the CLI turns V8's optimizing compiler on for large inputs.
  options.onProgress?.({
    type: 'start',
    command,
    files: new Set(whole.map(p => p.file)).size,
    bytesTotal,
    workers
  });
  if (workers === 1) {
    return readParts(command, whole, settings, options, runtime, 1);
  }
  const started = runtime.startWorkers?.(workers);
  try {
    return await readParts(command, await list(true), settings, options, runtime, workers);
  } finally {
    started?.stop();
  }
}

/**
 * Runs the tasks of `parts` (a split of the parts listed whole, same bytes) on `workers` threads,
 * merges them and checks the error rate.
 */
async function readParts(
  command: string,
  parts: InputPart[],
  settings: ReadSettings,
  options: ReadRunOptions,
  runtime: PipelineRuntime,
  workers: number
): Promise<MergedResult & { workers: number }> {
  const tasks = planTasks(parts, workers);
  const bytesTotal = totalBytes(parts);
  options.onProgress?.({ type: 'phase', phase: 'reading' });
  const tally = new ProgressTally(tasks.length, bytesTotal, options.onProgress);
  throwIfCancelled(options.signal);
  // Results are merged as they arrive, so finished tasks' profiles are not all held at once.
  const merger = new ResultMerger();
  await runtime.runTasks(tasks, settings, {
    workers,
    signal: options.signal,
    onProgress: (task, bytes, rows) => tally.update(task, bytes, rows),
    onResult: result => merger.add(result)
  });
  throwIfCancelled(options.signal);
  options.onProgress?.({ type: 'phase', phase: 'merging' });
  const merged = merger.result();
  checkErrorRate(merged, options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE);
  checkSegmentColumn(merged, options.dataset);
  return { ...merged, workers };
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) {
    throw new CancelledError();
  }
}

function checkErrorRate(merged: MergedResult, maxErrorRate: number): void {
  const { records, rejected } = merged.counts;
  const rate = records > 0 ? rejected / records : 0;
  if (rate > maxErrorRate) {
    const first = merged.diagnostics.examples[0];
    throw new DataError(
      `${rejected} of ${records} records could not be read (${(rate * 100).toFixed(2)}% > max error rate ${maxErrorRate * 100}%)` +
        (first ? `; first: ${formatDiagnostic(first)}` : ''),
      { counts: merged.counts, diagnostics: merged.diagnostics }
    );
  }
}

export function requireRows(merged: MergedResult, dataset: string): void {
  if (merged.profile.itemCount === 0) {
    throw new DataError(`no rows could be read from ${dataset}`, {
      counts: merged.counts,
      diagnostics: merged.diagnostics
    });
  }
}

/** A segment column no row had is a typo, not one segment of missing values. */
function checkSegmentColumn(merged: MergedResult, dataset: string): void {
  const segments = merged.segments;
  if (segments && !segments.columnSeen && merged.profile.itemCount > 0) {
    const columns = merged.profile.columnNames();
    throw new UsageError(
      `--segment-by ${segments.spec.by}: ${dataset} has no column of that name (columns: ${columns.slice(0, 20).join(', ')}${columns.length > 20 ? ', …' : ''})`
    );
  }
}
