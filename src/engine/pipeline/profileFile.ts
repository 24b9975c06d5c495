import { RecordCounts } from '../io/readContext';
import { ProfileJSON } from '../profile/datasetProfile';
import { DataError } from '../errors';
import { PipelineRuntime } from './runtime';

/**
 * The profile file: a mergeable snapshot of a dataset (our own format, JSON). Hourly profiles can be
 * merged into any larger window without reading the data again.
 */
export interface ProfileFile {
  'x-jupyterlab-model-monitor-profile': 1;
  records: RecordCounts;
  profile: ProfileJSON;
}

const PROFILE_KEY = 'x-jupyterlab-model-monitor-profile';

export function profileFileText(records: RecordCounts, profile: ProfileJSON): string {
  const file: ProfileFile = { [PROFILE_KEY]: 1, records, profile };
  return JSON.stringify(file);
}

/** Reads a profile file written by `profileDataset` or `mergeProfiles`. */
export async function readProfileFile(
  path: string,
  runtime: PipelineRuntime
): Promise<ProfileFile> {
  let file: ProfileFile;
  try {
    file = JSON.parse(await runtime.readText(path));
  } catch (error) {
    throw new DataError(`cannot read profile ${path}: ${(error as Error).message}`);
  }
  if (file?.[PROFILE_KEY] !== 1) {
    throw new DataError(`${path} is not a profile file`);
  }
  return file;
}

/** Splits a file path into its folder and name (`.` for a bare name). */
export function splitPath(path: string): { dir: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0
    ? { dir: '.', name: path }
    : { dir: path.slice(0, cut) || '/', name: path.slice(cut + 1) };
}
