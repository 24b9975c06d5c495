import { newCounts } from '../io/readContext';
import { DatasetProfile } from '../profile/datasetProfile';
import { DataError } from '../errors';
import { profileFileText, readProfileFile, splitPath } from './profileFile';
import { MergeOptions } from './runOptions';
import { PipelineRuntime } from './runtime';
import { RunSummary, summarize } from './runSummary';

/** Merges profile files into one, in the order given: rows of later files come after earlier ones. */
export async function mergeProfiles(
  options: MergeOptions,
  runtime: PipelineRuntime
): Promise<RunSummary> {
  const started = Date.now();
  if (options.profiles.length === 0) {
    throw new DataError('no profiles to merge');
  }
  const counts = newCounts();
  const profiles: DatasetProfile[] = [];
  for (const path of options.profiles) {
    const file = await readProfileFile(path, runtime);
    counts.records += file.records.records;
    counts.rejected += file.records.rejected;
    counts.rows += file.records.rows;
    profiles.push(DatasetProfile.fromJSON(file.profile));
  }
  const [profile, ...rest] = profiles;
  rest.forEach(next => profile.merge(next));
  const { dir, name } = splitPath(options.output);
  await runtime.writeFiles(dir, { [name]: profileFileText(counts, profile.toJSON()) });
  const merged = {
    profile,
    counts,
    diagnostics: { counts: {}, examples: [] },
    formats: [],
    workers: 1
  };
  return summarize('merge', merged, dir, [name], started);
}
