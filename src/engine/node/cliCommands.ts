import { exitCodeOfRun } from './cliOutcome';
import { parseIsoTime } from '../pipeline/captureWindow';
import { BatchCapture, parseS3Mapping } from '../pipeline/batchCapture';
import { ContainerRun, containerEnvironment } from '../pipeline/containerEnvironment';
import { asOwnError, CancelledError, UsageError } from '../errors';
import { mergeProfiles } from '../pipeline/mergeProfiles';
import { DEFAULT_MAX_SEGMENTS, MAX_SEGMENTS_LIMIT, SegmentSpec } from '../profile/segmentSpec';
import { profileDataset } from '../pipeline/profileDataset';
import { ProgressListener } from '../pipeline/progress';
import { runBaseline } from '../pipeline/runBaseline';
import { runMonitor } from '../pipeline/runMonitor';
import { MetricsOutput, ReadRunOptions } from '../pipeline/runOptions';
import { PipelineRuntime } from '../pipeline/runtime';
import { RunSummary } from '../pipeline/runSummary';
import {
  choiceValue,
  datasetFormatValue,
  numberValue,
  optionValue,
  OptionKind,
  ParsedArgs,
  requiredValue,
  timeWindow
} from './cliArgs';
import { formatCommand, validateCommand } from './cliDocumentCommands';
import { capturesCommand } from './cliCapturesCommand';
import { recordsCommand } from './cliRecordsCommand';
import { customCommand } from './cliCustomCommand';
import { runPostprocessor } from './postprocessor';
import { checkCommand, suggestCommand } from './cliStatisticsCommands';

/** The largest --max-record-chars: a record is one string, and V8's strings end near 512 Mi. */
const MAX_RECORD_CHARS_LIMIT = 256 * 1024 * 1024;

export const READ_OPTIONS: Record<string, OptionKind> = {
  dataset: 'value',
  'dataset-format': 'value',
  header: 'flag',
  start: 'value',
  end: 'value',
  preprocessor: 'value',
  'batch-capture': 'flag',
  's3-map': 'values',
  'max-error-rate': 'value',
  'max-fields': 'value',
  'max-record-chars': 'value',
  workers: 'value',
  progress: 'value',
  help: 'flag'
};

const SEGMENT_OPTIONS: Record<string, OptionKind> = {
  'segment-by': 'value',
  'max-segments': 'value'
};

export const COMMAND_OPTIONS: Record<string, Record<string, OptionKind>> = {
  baseline: {
    ...READ_OPTIONS,
    ...SEGMENT_OPTIONS,
    output: 'value',
    generation: 'value',
    postprocessor: 'value'
  },
  monitor: {
    ...READ_OPTIONS,
    ...SEGMENT_OPTIONS,
    'segment-baseline': 'value',
    output: 'value',
    generation: 'value',
    postprocessor: 'value',
    'baseline-statistics': 'value',
    'baseline-constraints': 'value',
    'fail-on-violations': 'flag',
    'no-drift-tests': 'flag',
    'metrics-dir': 'value',
    'metric-time': 'value',
    'endpoint-name': 'value',
    'schedule-name': 'value'
  },
  profile: { ...READ_OPTIONS, output: 'value' },
  merge: { output: 'value', progress: 'value', help: 'flag' },
  format: { 'in-place': 'flag', help: 'flag' },
  validate: { help: 'flag' },
  suggest: { statistics: 'value', output: 'value', generation: 'value', help: 'flag' },
  report: {
    statistics: 'value',
    'baseline-statistics': 'value',
    'baseline-constraints': 'value',
    violations: 'value',
    title: 'value',
    output: 'value',
    help: 'flag'
  },
  records: {
    run: 'value',
    dataset: 'value',
    'dataset-format': 'value',
    header: 'flag',
    start: 'value',
    end: 'value',
    'baseline-statistics': 'value',
    'baseline-constraints': 'value',
    feature: 'value',
    match: 'value',
    lower: 'value',
    upper: 'value',
    'include-upper': 'flag',
    output: 'value',
    'max-records': 'value',
    'paths-relative-to': 'value',
    progress: 'value',
    help: 'flag'
  },
  custom: {
    dataset: 'value',
    output: 'value',
    image: 'value',
    start: 'value',
    end: 'value',
    'baseline-statistics': 'value',
    'baseline-constraints': 'value',
    'endpoint-name': 'value',
    'schedule-name': 'value',
    'metrics-dir': 'value',
    'fail-on-violations': 'flag',
    progress: 'value',
    help: 'flag'
  },
  captures: {
    dataset: 'value',
    'max-records': 'value',
    'max-record-chars': 'value',
    path: 'value',
    help: 'flag'
  },
  check: {
    statistics: 'value',
    'type-counts': 'value',
    'baseline-statistics': 'value',
    'baseline-constraints': 'value',
    output: 'value',
    'fail-on-violations': 'flag',
    'no-drift-tests': 'flag',
    help: 'flag'
  }
};

export interface CommandContext {
  runtime: PipelineRuntime;
  signal: AbortSignal;
  onProgress: ProgressListener;
  defaultWorkers: number;
  stdout: (text: string) => void;
}

/** Runs a command; returns its summary (run commands) or an exit code (format/validate). */
export async function runCommand(
  command: string,
  args: ParsedArgs,
  ctx: CommandContext
): Promise<RunSummary | number> {
  switch (command) {
    case 'baseline': {
      const options = {
        ...readOptions(args, ctx),
        segment: segmentSpec(args),
        outputDir: requiredValue(args, 'output'),
        generation: generation(args)
      };
      const summary = await runBaseline(options, ctx.runtime);
      await postprocess(args, ctx, options);
      return summary;
    }
    case 'monitor': {
      const options = {
        ...readOptions(args, ctx),
        outputDir: requiredValue(args, 'output'),
        generation: generation(args),
        baselineStatistics: requiredValue(args, 'baseline-statistics'),
        baselineConstraints: requiredValue(args, 'baseline-constraints'),
        driftTests: args.flags.has('no-drift-tests') ? (false as const) : undefined,
        metrics: metricsOutput(args),
        segment: segmentSpec(args),
        segmentBaseline: choiceValue(args, 'segment-baseline', ['own', 'overall'] as const)
      };
      const summary = await runMonitor(options, ctx.runtime);
      await postprocess(args, ctx, {
        ...options,
        endpointName: optionValue(args, 'endpoint-name'),
        scheduleName: optionValue(args, 'schedule-name'),
        metricsDir: options.metrics?.dir
      });
      return summary;
    }
    case 'profile':
      return profileDataset(
        { ...readOptions(args, ctx), output: requiredValue(args, 'output') },
        ctx.runtime
      );
    case 'merge':
      if (args.positionals.length === 0) {
        throw new UsageError('merge needs at least one profile file');
      }
      return mergeProfiles(
        { profiles: args.positionals, output: requiredValue(args, 'output') },
        ctx.runtime
      );
    case 'format':
      return formatCommand(args, ctx);
    case 'validate':
      return validateCommand(args, ctx);
    case 'suggest':
      return suggestCommand(args, ctx);
    case 'check':
      return checkCommand(args, ctx);
    case 'captures':
      return capturesCommand(args, ctx);
    case 'records':
      return recordsCommand(args, ctx);
    case 'custom': {
      const summary = await customCommand(args, ctx);
      ctx.stdout(JSON.stringify(summary, null, 2) + '\n');
      return exitCodeOfRun(args.flags.has('fail-on-violations'), summary);
    }
    case 'report': {
      // Its own bundle (with Vega), loaded only here: see scripts/build-cli.mjs.
      const { reportCommand } = await import('./cliReportCommand');
      return reportCommand(args, ctx).catch(error => {
        throw asOwnError(error);
      });
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

function readOptions(args: ParsedArgs, ctx: CommandContext): ReadRunOptions {
  const workers = numberValue(
    args,
    'workers',
    n => Number.isInteger(n) && n >= 1,
    'a whole number ≥ 1'
  );
  return {
    dataset: requiredValue(args, 'dataset'),
    format: datasetFormatValue(args),
    header: args.flags.has('header'),
    window: timeWindow(args),
    workers: workers ?? ctx.defaultWorkers,
    autoWorkers: workers === undefined,
    maxErrorRate: numberValue(args, 'max-error-rate', n => n >= 0 && n <= 1, 'between 0 and 1'),
    maxRecordChars: numberValue(
      args,
      'max-record-chars',
      n => Number.isInteger(n) && n >= 1 && n <= MAX_RECORD_CHARS_LIMIT,
      `a whole number from 1 to ${MAX_RECORD_CHARS_LIMIT}`
    ),
    maxFields: numberValue(
      args,
      'max-fields',
      n => Number.isInteger(n) && n >= 1,
      'a whole number ≥ 1'
    ),
    preprocessorPath: optionValue(args, 'preprocessor'),
    batchCapture: batchCaptureOf(args),
    signal: ctx.signal,
    onProgress: ctx.onProgress
  };
}

/** `--postprocessor`: SageMaker's post_analytics_processor_script, once the outputs are written. */
async function postprocess(args: ParsedArgs, ctx: CommandContext, run: ContainerRun) {
  const script = optionValue(args, 'postprocessor');
  if (script === undefined) {
    return;
  }
  try {
    await runPostprocessor(script, containerEnvironment(run), ctx.signal);
  } catch (error) {
    throw ctx.signal.aborted ? new CancelledError() : error;
  }
}

/** `--batch-capture` with its `--s3-map`s: the dataset is a batch transform capture. */
function batchCaptureOf(args: ParsedArgs): BatchCapture | undefined {
  const maps = args.options.get('s3-map') ?? [];
  if (!args.flags.has('batch-capture')) {
    if (maps.length > 0) {
      throw new UsageError('--s3-map goes with --batch-capture');
    }
    return undefined;
  }
  return { s3Map: maps.map(parseS3Mapping) };
}

/** `--segment-by NAME [--max-segments N]`: also profile each segment of the rows. */
function segmentSpec(args: ParsedArgs): SegmentSpec | undefined {
  const by = optionValue(args, 'segment-by');
  const maxSegments = numberValue(
    args,
    'max-segments',
    n => Number.isInteger(n) && n >= 1 && n <= MAX_SEGMENTS_LIMIT,
    `a whole number from 1 to ${MAX_SEGMENTS_LIMIT}`
  );
  if (by === undefined) {
    if (maxSegments !== undefined || args.options.has('segment-baseline')) {
      throw new UsageError('--max-segments and --segment-baseline go with --segment-by');
    }
    return undefined;
  }
  if (by.length === 0) {
    throw new UsageError('--segment-by needs a column name or eventMetadata.<key>');
  }
  return { by, maxSegments: maxSegments ?? DEFAULT_MAX_SEGMENTS };
}

function generation(args: ParsedArgs) {
  return choiceValue(args, 'generation', ['2021', 'current'] as const);
}

function metricsOutput(args: ParsedArgs): MetricsOutput | undefined {
  const dir = optionValue(args, 'metrics-dir');
  if (dir === undefined) {
    return undefined;
  }
  const timeText = optionValue(args, 'metric-time');
  const time = timeText === undefined ? undefined : parseIsoTime(timeText);
  if (time === null) {
    throw new UsageError(`--metric-time must be an ISO time, got ${JSON.stringify(timeText)}`);
  }
  return {
    dir,
    time,
    endpoint: optionValue(args, 'endpoint-name'),
    schedule: optionValue(args, 'schedule-name')
  };
}
