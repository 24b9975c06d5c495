import { splitLines } from '../io/lines';
import { CaptureSummary } from '../pipeline/captureSummary';
import { DataError } from '../errors';
import { numberValue, optionValue, ParsedArgs, requiredValue } from './cliArgs';
import { fileChunks } from './fileChunks';
import { walkFiles } from './walkFiles';

const DEFAULT_MAX_RECORDS = 1_000_000;

/**
 * `captures`: the summary of capture files (pipeline/captureSummary.ts) as JSON on stdout. Every
 * file a run would read is read as capture lines, in the run's order; reading stops after
 * `--max-records` records and says so (`truncated`).
 */
export async function capturesCommand(
  args: ParsedArgs,
  ctx: { stdout: (text: string) => void; signal: AbortSignal }
): Promise<number> {
  const dataset = requiredValue(args, 'dataset');
  const maxRecords =
    numberValue(args, 'max-records', n => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1') ??
    DEFAULT_MAX_RECORDS;
  const summary = new CaptureSummary(
    maxRecords,
    numberValue(args, 'max-record-chars', n => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1')
  );
  const files = await walkFiles(dataset).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(`cannot read ${dataset}: ${error.code ?? error.message}`);
  });
  for (const file of files) {
    if (file.unreadable) {
      summary.unreadable(file.relative, file.unreadable);
      continue;
    }
    summary.startFile(file.relative, file.size);
    if (!(await summariseFile(summary, file.file, file.relative, ctx.signal))) {
      break;
    }
  }
  ctx.stdout(JSON.stringify(summary.toJSON(optionValue(args, 'path') ?? dataset)) + '\n');
  return 0;
}

/** Adds a file's lines; false once the summary is full. A file that fails to read is reported. */
async function summariseFile(
  summary: CaptureSummary,
  file: string,
  relative: string,
  signal: AbortSignal
): Promise<boolean> {
  try {
    for await (const run of splitLines(fileChunks(file), 1, summary.lineLimit)) {
      signal.throwIfAborted();
      for (let i = 0; i < run.lines.length; i++) {
        if (!summary.addLine(run.lines[i], run.firstLine + i)) {
          return false;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof DataError)) {
      throw error;
    }
    summary.unreadable(relative, error.message);
  }
  return true;
}
