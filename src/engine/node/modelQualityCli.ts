/** `model-monitor model-quality baseline|monitor` (docs/cli.md, "Model quality"). */
import { UsageError } from '../errors';
import { parseDatasetFormat } from '../io/datasetFormat';
import {
  DEFAULT_LABEL_LATENESS_HOURS,
  DEFAULT_SEED,
  parseProblemType,
  PROBLEM_TYPES,
  QualityAttributes
} from '../modelQuality';
import {
  numberValue,
  OptionKind,
  optionValue,
  parseArgs,
  ParsedArgs,
  requiredValue,
  timeWindow
} from './cliArgs';
import { exitCodeOf, exitCodeOfRun, fail, messageOf, progressMode } from './cliOutcome';
import { EXIT } from './exitCodes';
import { cancelOnInterrupt } from './interrupt';
import { QualitySummary, runQualityBaseline, runQualityMonitor } from './modelQualityRun';
import { ProgressMode, progressReporter } from './progressReporter';
import { TrackedRun } from './readTracker';

const COMMON: Record<string, OptionKind> = {
  'problem-type': 'value',
  'inference-attribute': 'value',
  'probability-attribute': 'value',
  'probability-threshold': 'value',
  'positive-label': 'value',
  'ground-truth-attribute': 'value',
  output: 'value',
  generation: 'value',
  seed: 'value',
  'max-classes': 'value',
  progress: 'value',
  help: 'flag'
};

const OPTIONS: Record<string, Record<string, OptionKind>> = {
  baseline: {
    ...COMMON,
    dataset: 'value',
    'dataset-format': 'value',
    header: 'flag',
    'no-header': 'flag'
  },
  monitor: {
    ...COMMON,
    dataset: 'value',
    'ground-truth': 'value',
    'baseline-constraints': 'value',
    start: 'value',
    end: 'value',
    'label-lateness': 'value',
    'fail-on-violations': 'flag'
  }
};

export const MODEL_QUALITY_HELP = `model-monitor model-quality baseline|monitor [options]

  baseline  --dataset FILE|DIR --problem-type TYPE --ground-truth-attribute COL
            (--inference-attribute COL | --probability-attribute COL) --output DIR
            [--probability-threshold 0.5] [--positive-label 1] [--dataset-format csv|json]
            [--header | --no-header] [--generation 2021|current] [--seed N]
            [--max-classes N]  (classification: distinct labels allowed, default 256)
  monitor   --dataset CAPTURES --ground-truth DIR --baseline-constraints FILE
            --problem-type TYPE --output DIR [attributes as above]
            [--start ISO] [--end ISO] [--label-lateness HOURS] [--fail-on-violations]
  both      [--progress bar|json|none]  (as the data-quality commands; Ctrl-C cancels)

  TYPE: ${PROBLEM_TYPES.join(' | ')}. See docs/cli.md, "Model quality".
`;

/** Runs the sub-command; prints the summary JSON on stdout and returns the exit code. */
export async function modelQualityMain(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === 'help' || !OPTIONS[sub]) {
    process.stdout.write(MODEL_QUALITY_HELP);
    return sub === '--help' || sub === 'help' ? EXIT.ok : EXIT.usage;
  }
  let mode: ProgressMode = process.stderr.isTTY ? 'bar' : 'none';
  const interrupt = cancelOnInterrupt();
  try {
    const args = parseArgs(rest, OPTIONS[sub]);
    if (args.flags.has('help')) {
      process.stdout.write(MODEL_QUALITY_HELP);
      return EXIT.ok;
    }
    mode = progressMode(optionValue(args, 'progress'), mode);
    const reporter = progressReporter(mode);
    const run: TrackedRun = { signal: interrupt.signal, onProgress: reporter };
    const summary = await (sub === 'baseline' ? baseline(args, run) : monitor(args, run)).finally(
      () => reporter.finish()
    );
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    reporter({ type: 'done', summary });
    return exitCodeOfRun(args.flags.has('fail-on-violations'), summary);
  } catch (error) {
    return fail(exitCodeOf(error, interrupt.signal), messageOf(error), mode);
  } finally {
    interrupt.dispose();
  }
}

function baseline(args: ParsedArgs, run: TrackedRun): Promise<QualitySummary> {
  const attributes = attributesOf(args);
  requiredValue(args, 'ground-truth-attribute');
  if (attributes.inference === undefined && attributes.probability === undefined) {
    throw new UsageError('--inference-attribute or --probability-attribute is required');
  }
  const formatText = optionValue(args, 'dataset-format');
  const format = formatText === undefined ? undefined : parseDatasetFormat(formatText);
  if (format === null) {
    throw new UsageError(`--dataset-format must be csv or json, got ${JSON.stringify(formatText)}`);
  }
  return runQualityBaseline({
    ...run,
    ...qualityOptions(args, true),
    attributes,
    dataset: requiredValue(args, 'dataset'),
    format,
    header: headerOf(args, attributes),
    outputDir: requiredValue(args, 'output')
  });
}

function monitor(args: ParsedArgs, run: TrackedRun): Promise<QualitySummary> {
  return runQualityMonitor({
    ...run,
    ...qualityOptions(args, false),
    attributes: attributesOf(args),
    captures: requiredValue(args, 'dataset'),
    groundTruth: requiredValue(args, 'ground-truth'),
    baselineConstraints: requiredValue(args, 'baseline-constraints'),
    window: timeWindow(args) ?? {},
    labelLatenessHours:
      numberValue(args, 'label-lateness', n => n >= 0, 'hours ≥ 0') ?? DEFAULT_LABEL_LATENESS_HOURS,
    outputDir: requiredValue(args, 'output')
  });
}

function qualityOptions(args: ParsedArgs, isBaseline: boolean) {
  const text = requiredValue(args, 'problem-type');
  const problemType = parseProblemType(text);
  if (!problemType) {
    throw new UsageError(
      `--problem-type must be one of ${PROBLEM_TYPES.join(', ')}, got ${JSON.stringify(text)}`
    );
  }
  const generation = optionValue(args, 'generation') ?? 'current';
  if (generation !== '2021' && generation !== 'current') {
    throw new UsageError(`--generation must be 2021 or current, got ${JSON.stringify(generation)}`);
  }
  // 2021 baselines (the SDK's quality_check_step fixture) have no evaluation_time; later files do.
  const evaluationTime =
    generation === 'current' || !isBaseline ? new Date().toISOString() : undefined;
  return {
    problemType,
    positiveLabel: optionValue(args, 'positive-label'),
    seed: numberValue(args, 'seed', Number.isInteger, 'a whole number') ?? DEFAULT_SEED,
    evaluationTime,
    residualHistogram: generation === 'current' || !isBaseline,
    maxClasses: numberValue(
      args,
      'max-classes',
      n => Number.isInteger(n) && n >= 2,
      'a whole number ≥ 2'
    )
  };
}

function attributesOf(args: ParsedArgs): QualityAttributes {
  const attributes: QualityAttributes = {
    inference: optionValue(args, 'inference-attribute'),
    probability: optionValue(args, 'probability-attribute'),
    groundTruth: optionValue(args, 'ground-truth-attribute'),
    probabilityThreshold: numberValue(args, 'probability-threshold', Number.isFinite, 'a number'),
    positiveLabel: optionValue(args, 'positive-label')
  };
  return attributes;
}

/** CSV header: explicit flags win; otherwise a header is assumed when columns are named, not indexed. */
function headerOf(args: ParsedArgs, attributes: QualityAttributes): boolean {
  if (args.flags.has('header') || args.flags.has('no-header')) {
    return args.flags.has('header');
  }
  const named = [attributes.inference, attributes.probability, attributes.groundTruth];
  return named.some(name => name !== undefined && !/^\d+$/.test(name));
}
