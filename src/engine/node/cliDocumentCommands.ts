import * as path from 'path';
import { validateDocument } from '../documents/read';
import { formatDocument } from '../format';
import { DataError, UsageError } from '../errors';
import { ParsedArgs } from './cliArgs';
import { readConfinedText } from './confinedFiles';
import { writeFilesAtomic } from './writeFilesAtomic';

/** The commands on SageMaker JSON files: `format` and `validate`. Both return an exit code. */
function singleFile(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) {
    throw new UsageError(`${command} takes one FILE`);
  }
  return args.positionals[0];
}

async function readInput(file: string): Promise<string> {
  try {
    return await readConfinedText(file);
  } catch (error) {
    throw new DataError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export async function formatCommand(
  args: ParsedArgs,
  ctx: { stdout: (text: string) => void }
): Promise<number> {
  const file = singleFile(args, 'format');
  let formatted: string;
  try {
    formatted = formatDocument(await readInput(file), path.basename(file));
  } catch (error) {
    throw error instanceof DataError
      ? error
      : new DataError(`${file}: ${(error as Error).message}`);
  }
  if (args.flags.has('in-place')) {
    await writeFilesAtomic(path.dirname(file), { [path.basename(file)]: formatted });
  } else {
    ctx.stdout(formatted);
  }
  return 0;
}

export async function validateCommand(
  args: ParsedArgs,
  ctx: { stdout: (text: string) => void }
): Promise<number> {
  if (args.positionals.length === 0) {
    throw new UsageError('validate takes at least one FILE');
  }
  let invalid = 0;
  for (const file of args.positionals) {
    const issues = validateDocument(await readInput(file), path.basename(file));
    if (issues.length === 0) {
      ctx.stdout(`${file}: valid\n`);
    } else {
      invalid++;
      ctx.stdout(issues.map(issue => `${file}: ${issue.path}: ${issue.message}\n`).join(''));
    }
  }
  return invalid === 0 ? 0 : 2;
}
