import { ConstraintsDocument } from '../documents/constraints';
import { readConstraints, readStatistics } from '../documents/read';
import { StatisticsDocument } from '../documents/statistics';
import { DataError } from '../errors';
import { PipelineRuntime } from './runtime';

export interface Baseline {
  statistics: StatisticsDocument;
  constraints: ConstraintsDocument;
  /** Column names by position, for headerless CSV and capture rows. */
  featureNames: string[];
}

/** Reads the baseline pair a monitoring run compares with (lenient: FORMATS.md §6.4). */
export async function readBaseline(
  statisticsPath: string,
  constraintsPath: string,
  runtime: PipelineRuntime
): Promise<Baseline> {
  const statistics = await readWith(statisticsPath, runtime, readStatistics);
  const constraints = await readWith(constraintsPath, runtime, readConstraints);
  return { statistics, constraints, featureNames: statistics.features.map(f => f.name) };
}

async function readWith<T>(
  path: string,
  runtime: PipelineRuntime,
  read: (text: string, fileName: string) => T
): Promise<T> {
  let text: string;
  try {
    text = await runtime.readText(path);
  } catch (error) {
    throw new DataError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return read(text, path);
  } catch (error) {
    throw new DataError((error as Error).message);
  }
}
