import { PathExt } from '@jupyterlab/coreutils';
import { Contents } from '@jupyterlab/services';

import { StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import {
  MonitoringSettings,
  resolveMonitoringSettings
} from '../engine/monitor/monitoringSettings';
import { readServerText } from '../api/serverFiles';
import {
  SEGMENTS_FILE,
  SegmentEntry,
  SegmentsIndex,
  matchingSegment,
  parseSegmentsIndex
} from '../engine/pipeline/segmentsIndex';
import { ComparisonModel } from './ComparisonModel';
import { isStatisticsDocument, parseDocumentText } from './parseDocuments';
import { CONSTRAINTS_FILE, STATISTICS_FILE, VIOLATIONS_FILE } from '../engine/documents/fileNames';
import { SegmentBaseline, SegmentRef, SegmentedComparison } from './SegmentedComparison';

export interface ComparisonPaths {
  baseline: string;
  current: string;
  /** The run's constraint_violations.json, for violation badges; optional. */
  violations?: string;
  /** The baseline's constraints.json: its monitoring_config sets how drift is measured. */
  constraints?: string;
  /** The tab's label; by default the current file's folder. */
  label?: string;
  /** The feature selected when the comparison opens; by default the first row. */
  feature?: string;
  /** The segment shown when the comparison opens, if the run has it; by default all data. */
  segment?: SegmentRef;
}

/** A file that is missing or is not what the comparison needs; `path` says which. */
export class ComparisonFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'unreadable' | 'invalid-json' | 'not-statistics'
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Reads the files through the contents manager and builds the comparison. Without a violations
 * or constraints path, the files beside the current and the baseline statistics are used when
 * there (a run's constraint_violations.json, a baseline's constraints.json).
 */
export async function loadComparison(
  contents: Contents.IManager,
  paths: ComparisonPaths
): Promise<ComparisonModel> {
  const beside = (path: string, name: string) => PathExt.join(PathExt.dirname(path), name);
  const [baseline, current, violations, settings] = await Promise.all([
    readStatistics(contents, paths.baseline),
    readStatistics(contents, paths.current),
    readViolations(contents, paths.violations ?? beside(paths.current, VIOLATIONS_FILE)),
    readSettings(contents, paths.constraints ?? beside(paths.baseline, CONSTRAINTS_FILE))
  ]);
  return new ComparisonModel(baseline, current, violations, settings);
}

/**
 * The run's segments when the current statistics' folder has a segments.json (null otherwise):
 * `all` is the comparison of `paths` itself. A segment is compared with the baseline's segment of
 * the same value when the baseline folder has one (and the run did not compare it with the whole
 * baseline), else with the whole baseline.
 */
export async function loadSegments(
  contents: Contents.IManager,
  paths: ComparisonPaths,
  all: ComparisonModel
): Promise<SegmentedComparison | null> {
  const [index, baselineIndex] = await Promise.all([
    readSegmentsIndex(contents, PathExt.dirname(paths.current)),
    readSegmentsIndex(contents, PathExt.dirname(paths.baseline))
  ]);
  if (!index) {
    return null;
  }
  return new SegmentedComparison(index, { model: all, paths, baseline: null }, async entry => {
    const { paths: files, baseline } = segmentPaths(paths, entry, baselineIndex);
    return { model: await loadComparison(contents, files), paths: files, baseline };
  });
}

/** The files of a segment's comparison, and which baseline it uses. */
export function segmentPaths(
  paths: ComparisonPaths,
  segment: SegmentEntry,
  baselineIndex: SegmentsIndex | undefined
): { paths: ComparisonPaths; baseline: SegmentBaseline } {
  const run = PathExt.join(PathExt.dirname(paths.current), segment.folder);
  const files: ComparisonPaths = {
    ...paths,
    current: PathExt.join(run, STATISTICS_FILE),
    violations: PathExt.join(run, VIOLATIONS_FILE)
  };
  const match =
    segment.baseline !== 'overall' && baselineIndex
      ? matchingSegment(baselineIndex, segment)
      : undefined;
  if (!match) {
    return { paths: files, baseline: 'overall' };
  }
  const baseline = PathExt.join(PathExt.dirname(paths.baseline), match.folder);
  files.baseline = PathExt.join(baseline, STATISTICS_FILE);
  files.constraints = PathExt.join(baseline, CONSTRAINTS_FILE);
  return { paths: files, baseline: 'segment' };
}

/** A folder's segments.json; undefined when there is none or it is not one. */
async function readSegmentsIndex(
  contents: Contents.IManager,
  folder: string
): Promise<SegmentsIndex | undefined> {
  const path = PathExt.join(folder, SEGMENTS_FILE);
  try {
    return parseSegmentsIndex(await readServerText(path, contents), path);
  } catch {
    return undefined;
  }
}

async function readText(contents: Contents.IManager, path: string): Promise<string> {
  try {
    return await readServerText(path, contents);
  } catch {
    throw new ComparisonFileError(path, 'unreadable');
  }
}

async function readStatistics(
  contents: Contents.IManager,
  path: string
): Promise<StatisticsDocument> {
  const text = await readText(contents, path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ComparisonFileError(path, 'invalid-json');
  }
  if (!isStatisticsDocument(value)) {
    throw new ComparisonFileError(path, 'not-statistics');
  }
  return value;
}

/** The drift settings of a constraints.json; a missing or odd file leaves SageMaker's defaults. */
async function readSettings(
  contents: Contents.IManager,
  path: string
): Promise<MonitoringSettings | undefined> {
  try {
    const document = JSON.parse(await readText(contents, path));
    return typeof document === 'object' && document !== null && Array.isArray(document.features)
      ? resolveMonitoringSettings(document.monitoring_config)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Violations are extra: a missing or odd file leaves the comparison without badges. */
async function readViolations(
  contents: Contents.IManager,
  path: string
): Promise<ViolationsDocument | undefined> {
  try {
    const parsed = parseDocumentText(await readText(contents, path));
    return parsed.kind === 'violations' ? parsed.document : undefined;
  } catch {
    return undefined;
  }
}
