import { exitCodeOfRun } from './cliOutcome';
import { suggestConstraints } from '../baseline';
import { readStatistics } from '../documents/read';
import { StatisticsDocument } from '../documents/statistics';
import { writeConstraints, writeStatistics } from '../format';
import { checkConstraints } from '../monitor';
import { TypeCounts, typeCountsFromStatistics } from '../monitor/typeCounts';
import { DataError } from '../errors';
import { readBaseline } from '../pipeline/readBaseline';
import { CONSTRAINTS_FILE, STATISTICS_FILE } from '../pipeline/runBaseline';
import { allTestsOff } from '../monitor/driftTests/driftTestOptions';
import { monitoringFiles } from '../pipeline/monitoringFiles';
import { PipelineRuntime } from '../pipeline/runtime';
import { choiceValue, optionValue, ParsedArgs, requiredValue } from './cliArgs';

/**
 * `suggest` and `check`: the baseline and monitoring steps on a statistics.json computed elsewhere
 * (the `spark` backend's Deequ job). The statistics are re-written exactly as SageMaker writes
 * them; the summary, `{command, outputs, violations?}`, goes to stdout as JSON.
 */
interface Context {
  runtime: PipelineRuntime;
  stdout: (text: string) => void;
}

const TYPE_COUNT_KEYS = ['integral', 'fractional', 'boolean', 'string', 'missing'] as const;

export async function suggestCommand(args: ParsedArgs, ctx: Context): Promise<number> {
  const statistics = await readStatisticsFile(requiredValue(args, 'statistics'), ctx.runtime);
  const outputDir = requiredValue(args, 'output');
  const generation = choiceValue(args, 'generation', ['2021', 'current'] as const) ?? 'current';
  const files = {
    [STATISTICS_FILE]: writeStatistics(statistics),
    [CONSTRAINTS_FILE]: writeConstraints(suggestConstraints(statistics, { generation }))
  };
  await ctx.runtime.writeFiles(outputDir, files);
  ctx.stdout(JSON.stringify({ command: 'suggest', outputs: Object.keys(files) }) + '\n');
  return 0;
}

export async function checkCommand(args: ParsedArgs, ctx: Context): Promise<number> {
  const statisticsPath = requiredValue(args, 'statistics');
  const currentStatistics = await readStatisticsFile(statisticsPath, ctx.runtime);
  const baseline = await readBaseline(
    requiredValue(args, 'baseline-statistics'),
    requiredValue(args, 'baseline-constraints'),
    ctx.runtime
  );
  const typeCountsPath = optionValue(args, 'type-counts');
  const violations = checkConstraints({
    baselineStatistics: baseline.statistics,
    constraints: baseline.constraints,
    currentStatistics,
    currentTypeCounts: typeCountsPath
      ? await readTypeCounts(typeCountsPath, ctx.runtime)
      : typeCountsFromStatistics(currentStatistics),
    driftTests: args.flags.has('no-drift-tests') ? allTestsOff() : undefined
  });
  const files = monitoringFiles(currentStatistics, violations);
  await ctx.runtime.writeFiles(requiredValue(args, 'output'), files);
  const count = violations.violations.length;
  ctx.stdout(
    JSON.stringify({ command: 'check', outputs: Object.keys(files), violations: count }) + '\n'
  );
  return exitCodeOfRun(args.flags.has('fail-on-violations'), { violations: count });
}

export function readStatisticsFile(
  file: string,
  runtime: PipelineRuntime
): Promise<StatisticsDocument> {
  return readDocumentFile(file, runtime, readStatistics);
}

/** A SageMaker document file read with `read`; what is wrong with it is a DataError. */
export async function readDocumentFile<T>(
  file: string,
  runtime: PipelineRuntime,
  read: (text: string, file: string) => T
): Promise<T> {
  const text = await readText(file, runtime);
  try {
    return read(text, file);
  } catch (error) {
    throw new DataError((error as Error).message);
  }
}

async function readText(file: string, runtime: PipelineRuntime): Promise<string> {
  try {
    return await runtime.readText(file);
  } catch (error) {
    throw new DataError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** `{column: {integral, fractional, boolean, string, missing}}`, every count a whole number ≥ 0. */
export async function readTypeCounts(
  file: string,
  runtime: PipelineRuntime
): Promise<Record<string, TypeCounts>> {
  let value: unknown;
  try {
    value = JSON.parse(await readText(file, runtime));
  } catch (error) {
    throw error instanceof DataError
      ? error
      : new DataError(`${file}: not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) {
    throw new DataError(`${file}: expected an object of type counts by column`);
  }
  const counts: Record<string, TypeCounts> = {};
  for (const [column, entry] of Object.entries(value)) {
    counts[column] = typeCountsOf(entry, `${file}: ${JSON.stringify(column)}`);
  }
  return counts;
}

function typeCountsOf(entry: unknown, where: string): TypeCounts {
  if (!isObject(entry)) {
    throw new DataError(`${where}: expected an object of counts`);
  }
  const counts = {} as TypeCounts;
  for (const key of TYPE_COUNT_KEYS) {
    const n = entry[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new DataError(`${where}.${key}: expected a whole number ≥ 0, got ${JSON.stringify(n)}`);
    }
    counts[key] = n;
  }
  return counts;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
