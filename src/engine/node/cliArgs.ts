import { DATASET_FORMATS, DatasetFormat, parseDatasetFormat } from '../io/datasetFormat';
import { parseIsoTime, TimeWindow } from '../pipeline/captureWindow';
import { UsageError } from '../errors';

/** Option kinds: a flag, a single value, or a value that may repeat. */
export type OptionKind = 'flag' | 'value' | 'values';

export interface ParsedArgs {
  options: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value` and `--flag` against the options a command accepts;
 * anything after `--` is positional. Unknown options are usage errors.
 */
export function parseArgs(argv: string[], accepted: Record<string, OptionKind>): ParsedArgs {
  const parsed: ParsedArgs = { options: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = accepted[name];
    if (!kind) {
      throw new UsageError(`unknown option --${name}`);
    }
    if (kind === 'flag') {
      if (eq >= 0) {
        throw new UsageError(`--${name} takes no value`);
      }
      parsed.flags.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) {
        throw new UsageError(`--${name} needs a value`);
      }
      value = argv[++i];
    }
    const values = parsed.options.get(name) ?? [];
    if (kind === 'value' && values.length > 0) {
      throw new UsageError(`--${name} given twice`);
    }
    parsed.options.set(name, [...values, value]);
  }
  return parsed;
}

export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function requiredValue(args: ParsedArgs, name: string): string {
  const value = optionValue(args, name);
  if (value === undefined || value === '') {
    throw new UsageError(`--${name} is required`);
  }
  return value;
}

export function numberValue(
  args: ParsedArgs,
  name: string,
  check: (n: number) => boolean,
  what: string
): number | undefined {
  const text = optionValue(args, name);
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${what}, got ${JSON.stringify(text)}`);
  }
  return value;
}

export function choiceValue<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[]
): T | undefined {
  const value = optionValue(args, name);
  if (value !== undefined && !choices.includes(value as T)) {
    throw new UsageError(
      `--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`
    );
  }
  return value as T | undefined;
}

/** `--dataset-format`: our names or SageMaker's keys; a UsageError for anything else. */
export function datasetFormatValue(args: ParsedArgs): DatasetFormat | undefined {
  const text = optionValue(args, 'dataset-format');
  if (text === undefined) {
    return undefined;
  }
  const format = parseDatasetFormat(text);
  if (!format) {
    throw new UsageError(
      `--dataset-format must be one of ${DATASET_FORMATS.join(', ')}, got ${JSON.stringify(text)}`
    );
  }
  return format;
}

/** `--start`/`--end` ISO times (UTC without a zone); undefined when neither is given. */
export function timeWindow(args: ParsedArgs): TimeWindow | undefined {
  const start = optionValue(args, 'start');
  const end = optionValue(args, 'end');
  if (start === undefined && end === undefined) {
    return undefined;
  }
  const window: TimeWindow = {};
  for (const [name, text] of [
    ['start', start],
    ['end', end]
  ] as const) {
    if (text !== undefined) {
      const time = parseIsoTime(text);
      if (!time) {
        throw new UsageError(`--${name} must be an ISO 8601 time, got ${JSON.stringify(text)}`);
      }
      window[name] = time;
    }
  }
  return window;
}
