import * as path from 'path';
import { DIAGNOSTICS_FILE } from '../documents/fileNames';
import { ProgressListener } from '../pipeline/progress';
import { readBaseline } from '../pipeline/readBaseline';
import { parseRunInput, RunInput, windowOf } from '../pipeline/runInput';
import { PipelineRuntime } from '../pipeline/runtime';
import { queryRecords } from '../records/queryRecords';
import { RECORD_MATCH_KINDS, RecordMatch, recordFilter } from '../records/recordFilter';
import { recordLine } from '../records/recordLine';
import { UsageError } from '../errors';
import {
  choiceValue,
  datasetFormatValue,
  numberValue,
  optionValue,
  ParsedArgs,
  requiredValue
} from './cliArgs';
import { readConfinedText } from './confinedFiles';
import { nodeTaskIO } from './nodeTaskIO';
import { writeLinesAtomic } from './writeFilesAtomic';

const DEFAULT_MAX_RECORDS = 50_000;

export interface RecordsSummary {
  command: 'records';
  output: string;
  feature: string;
  match: RecordMatch;
  records: number;
  rejected: number;
  rows: number;
  /** Rows that match; `written` of them are in the output (at most --max-records). */
  matched: number;
  written: number;
  truncated: boolean;
}

/**
 * `records`: the rows of a run's input (or any dataset) whose feature cell matches, as JSON lines
 * (records/recordLine.ts) in `--output`, with a summary on stdout. `--run DIR` reads what the run
 * read from its diagnostics.json; otherwise `--dataset` and the baseline options say it.
 */
export async function recordsCommand(
  args: ParsedArgs,
  ctx: {
    runtime: PipelineRuntime;
    stdout: (text: string) => void;
    signal: AbortSignal;
    onProgress: ProgressListener;
  }
): Promise<number> {
  const input = await inputOf(args);
  const feature = requiredValue(args, 'feature');
  const match = matchOf(args);
  const output = requiredValue(args, 'output');
  const maxRecords =
    numberValue(args, 'max-records', n => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0') ??
    DEFAULT_MAX_RECORDS;
  const baseline = await readBaseline(
    input.baseline_statistics,
    input.baseline_constraints,
    ctx.runtime
  );
  const filter = recordFilter(feature, match, baseline.statistics, baseline.constraints);
  const numeric = new Set(
    baseline.statistics.features
      .filter(f => f.inferred_type === 'Integral' || f.inferred_type === 'Fractional')
      .map(f => f.name)
  );
  const base = optionValue(args, 'paths-relative-to');
  const shownFile = (file: string): string =>
    base === undefined ? file : path.relative(base, path.resolve(file)).split(path.sep).join('/');
  let written = 0;
  ctx.onProgress({ type: 'phase', phase: 'reading' });
  const counts = await writeLinesAtomic(path.dirname(output), path.basename(output), writeLine =>
    queryRecords(
      {
        dataset: input.dataset,
        format: input.dataset_format,
        header: input.header,
        window: windowOf(input),
        preprocessorPath: input.preprocessor,
        batchCapture: input.batch_capture && { s3Map: input.batch_capture.s3_map },
        feature,
        featureNames: baseline.featureNames,
        signal: ctx.signal,
        onProgress: ctx.onProgress
      },
      filter,
      ctx.runtime,
      nodeTaskIO(),
      async record => {
        if (written < maxRecords) {
          written++;
          await writeLine(recordLine({ ...record, file: shownFile(record.file) }, numeric));
        }
      }
    )
  );
  const summary: RecordsSummary = {
    command: 'records',
    output,
    feature,
    match,
    records: counts.records,
    rejected: counts.rejected,
    rows: counts.rows,
    matched: counts.matched,
    written,
    truncated: counts.matched > written
  };
  ctx.stdout(JSON.stringify(summary) + '\n');
  return 0;
}

async function inputOf(args: ParsedArgs): Promise<RunInput> {
  const run = optionValue(args, 'run');
  if (run !== undefined) {
    const file = path.join(run, DIAGNOSTICS_FILE);
    return parseRunInput(await readConfinedText(file), file);
  }
  const start = optionValue(args, 'start');
  const end = optionValue(args, 'end');
  return {
    dataset: requiredValue(args, 'dataset'),
    dataset_format: datasetFormatValue(args),
    header: args.flags.has('header'),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    baseline_statistics: requiredValue(args, 'baseline-statistics'),
    baseline_constraints: requiredValue(args, 'baseline-constraints')
  };
}

const MATCH_CHOICES = RECORD_MATCH_KINDS.map(kind => kind.replace(/_/g, '-'));

function matchOf(args: ParsedArgs): RecordMatch {
  const kind = choiceValue(args, 'match', MATCH_CHOICES);
  switch (kind) {
    case undefined:
      throw new UsageError(`--match is required: one of ${MATCH_CHOICES.join(', ')}`);
    case 'bin': {
      const lower = numberValue(args, 'lower', isFinite, 'a number');
      const upper = numberValue(args, 'upper', isFinite, 'a number');
      if (lower === undefined || upper === undefined) {
        throw new UsageError('--match bin needs --lower and --upper');
      }
      return { kind: 'bin', lower, upper, includeUpper: args.flags.has('include-upper') };
    }
    default:
      return { kind: kind.replace(/-/g, '_') as Exclude<RecordMatch['kind'], 'bin'> };
  }
}
