import { PathExt } from '@jupyterlab/coreutils';
import { Contents } from '@jupyterlab/services';

import { StatisticsDocument } from '../engine/documents/statistics';
import { ViolationsDocument } from '../engine/documents/violations';
import {
  MonitoringSettings,
  resolveMonitoringSettings
} from '../engine/monitor/monitoringSettings';
import { readServerText } from '../api/serverFiles';
import { ComparisonModel } from './ComparisonModel';
import { isStatisticsDocument, parseDocumentText } from './parseDocuments';
import { CONSTRAINTS_FILE, VIOLATIONS_FILE } from '../engine/documents/fileNames';

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
