/** Node side of `model-monitor model-quality`: reads files, runs the pure engine, writes outputs. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { DiagnosticsCollector, DiagnosticsSummary } from '../diagnostics';
import { DatasetFormat } from '../io/datasetFormat';
import { createReadContext } from '../io/readContext';
import { readDataset } from '../io/readDataset';
import {
  addBatchPairs,
  emptyPairs,
  EventFile,
  JoinCounts,
  LabelJoin,
  labelWindow,
  QualityAttributes,
  qualityBaseline,
  qualityMonitor,
  QualityOptions,
  readCaptureEvents,
  readGroundTruthEvents
} from '../modelQuality';
import { inWindow, TimeWindow } from '../pipeline/captureWindow';
import { DataError, UsageError } from '../errors';
import { readConfinedText } from './confinedFiles';
import { detectFileFormat } from './detectFileFormat';
import { ReadTracker, TrackedRun } from './readTracker';
import { walkFiles } from './walkFiles';
import { writeFilesAtomic } from './writeFilesAtomic';

export interface QualityRunOptions extends QualityOptions, TrackedRun {
  attributes: QualityAttributes;
  outputDir: string;
}

export interface QualityBaselineRun extends QualityRunOptions {
  dataset: string;
  format?: DatasetFormat;
  header: boolean;
}

export interface QualityMonitorRun extends QualityRunOptions {
  captures: string;
  groundTruth: string;
  baselineConstraints: string;
  window: TimeWindow;
  labelLatenessHours: number;
}

export interface QualitySummary {
  command: 'model-quality baseline' | 'model-quality monitor';
  problemType: string;
  outputs: string[];
  itemCount: number;
  /** Baseline: rows without a label, prediction or numeric probability. */
  skippedRows?: number;
  /** Monitor: the capture/label join. */
  join?: JoinCounts;
  diagnostics: DiagnosticsSummary;
  violations?: number;
  elapsedMs: number;
}

export async function runQualityBaseline(options: QualityBaselineRun): Promise<QualitySummary> {
  const started = Date.now();
  const diagnostics = new DiagnosticsCollector();
  const pairs = emptyPairs(options.attributes.probability !== undefined);
  const skipped = { incomplete: 0 };
  const files = await walkFiles(options.dataset);
  const tracker = new ReadTracker('model-quality baseline', files, options);
  for (const { file } of files) {
    const format = options.format ?? (await detectFileFormat(file));
    if (format !== 'csv' && format !== 'json') {
      throw new UsageError(`model-quality baseline reads CSV or JSON lines, not ${format}`);
    }
    const ctx = createReadContext(file, diagnostics);
    const batches = readDataset(tracker.chunks(file), { format, header: options.header }, ctx);
    for await (const batch of batches) {
      addBatchPairs(pairs, batch, options.attributes, skipped);
      tracker.rows = pairs.actual.length;
    }
  }
  tracker.phase('statistics');
  const result = qualityBaseline(pairs, options);
  tracker.phase('writing');
  await writeFilesAtomic(options.outputDir, result.files);
  return {
    command: 'model-quality baseline',
    problemType: options.problemType,
    outputs: outputPaths(options.outputDir, result.files),
    itemCount: pairs.actual.length,
    skippedRows: skipped.incomplete,
    diagnostics: diagnostics.summary(),
    elapsedMs: Date.now() - started
  };
}

export async function runQualityMonitor(options: QualityMonitorRun): Promise<QualitySummary> {
  const started = Date.now();
  const diagnostics = new DiagnosticsCollector();
  const constraintsText = await readText(options.baselineConstraints);
  const join = new LabelJoin(options.attributes.probability !== undefined);
  const captureFiles = await eventFiles(options.captures, options.window);
  const labelFiles = await eventFiles(
    options.groundTruth,
    labelWindow(options.window, options.labelLatenessHours)
  );
  const tracker = new ReadTracker(
    'model-quality monitor',
    [...captureFiles, ...labelFiles],
    options
  );
  const opened = (files: typeof captureFiles): EventFile[] =>
    files.map(({ file }) => ({
      name: file,
      chunks: () => {
        tracker.rows = join.recordsRead;
        return tracker.chunks(file);
      }
    }));
  await readCaptureEvents(opened(captureFiles), join, options.attributes, diagnostics);
  await readGroundTruthEvents(
    opened(labelFiles),
    join,
    options.attributes.groundTruth,
    diagnostics
  );
  const { pairs, counts } = join.result();
  tracker.phase('checking');
  const result = qualityMonitor(pairs, constraintsText, {
    ...options,
    evaluationTime: options.evaluationTime ?? new Date().toISOString()
  });
  tracker.phase('writing');
  await writeFilesAtomic(options.outputDir, result.files);
  return {
    command: 'model-quality monitor',
    problemType: options.problemType,
    outputs: outputPaths(options.outputDir, result.files),
    itemCount: pairs.actual.length,
    join: counts,
    diagnostics: diagnostics.summary(),
    violations: result.violations.length,
    elapsedMs: Date.now() - started
  };
}

async function eventFiles(
  root: string,
  window: TimeWindow
): Promise<{ file: string; size: number }[]> {
  const single = await fs.stat(root).then(
    stat => stat.isFile(),
    () => {
      throw new DataError(`cannot read ${root}`);
    }
  );
  // A file named directly is read whole; folders are filtered by their yyyy/mm/dd/HH hours.
  return (await walkFiles(root)).filter(({ relative }) => single || inWindow(relative, window));
}

async function readText(file: string): Promise<string> {
  try {
    return await readConfinedText(file);
  } catch (error) {
    throw new DataError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function outputPaths(dir: string, files: object): string[] {
  return Object.keys(files).map(name => path.join(dir, name));
}
