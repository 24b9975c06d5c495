import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { DataError } from '../errors';
import { outsideRootReason } from './confinedFiles';

/**
 * Checks, before any data is read, that the output folder can be made and written: the nearest
 * part of its path that exists must be a writable folder. Nothing is created, so a run that stops
 * early leaves no trace.
 */
export async function checkOutputFolder(dir: string): Promise<void> {
  try {
    let existing = path.resolve(dir);
    let stat = await statOrNull(existing);
    while (!stat && path.dirname(existing) !== existing) {
      existing = path.dirname(existing);
      stat = await statOrNull(existing);
    }
    if (stat && !stat.isDirectory()) {
      throw notAFolder();
    }
    await fs.access(existing, constants.W_OK);
    const outside = await outsideRootReason(existing);
    if (outside) {
      throw new DataError(`cannot write to the output folder ${dir}: it ${outside}`);
    }
  } catch (error) {
    throw outputError(dir, error);
  }
}

/**
 * Creates the output folder and its parents, one level at a time: Node's recursive mkdir loops
 * forever on some paths (`/proc/self/x`).
 */
export async function makeOutputFolder(dir: string): Promise<void> {
  try {
    await makeFolder(path.resolve(dir));
  } catch (error) {
    throw outputError(dir, error);
  }
}

async function makeFolder(dir: string): Promise<void> {
  const stat = await statOrNull(dir);
  if (stat) {
    if (!stat.isDirectory()) {
      throw notAFolder();
    }
    return;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) {
    await makeFolder(parent);
  }
  await fs.mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    // Made meanwhile by another process: fine if it is a folder now.
    if (error.code !== 'EEXIST' || !(await fs.stat(dir)).isDirectory()) {
      throw error;
    }
  });
}

function statOrNull(file: string) {
  return fs.stat(file).catch(() => null);
}

function notAFolder(): Error {
  return Object.assign(new Error('a part of the path is a file, not a folder'), {
    code: 'ENOTDIR'
  });
}

/** The error of an output folder that cannot be used, naming it (exit 2, no stack trace). */
export function outputError(dir: string, error: unknown): DataError {
  if (error instanceof DataError) {
    return error;
  }
  const { code, message } = error as NodeJS.ErrnoException;
  const reason =
    code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : (code ?? message);
  return new DataError(`cannot write to the output folder ${dir}: ${reason}`);
}
