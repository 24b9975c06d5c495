import { DIAGNOSTICS_FILE, withDiagnosticsOnFailure } from './outputs';
import { profileFileText, splitPath } from './profileFile';
import { profileInput } from './profileInput';
import { ProfileOptions } from './runOptions';
import { PipelineRuntime } from './runtime';
import { diagnosticsFileText, RunSummary, summarize } from './runSummary';

/** Profiles a dataset into one profile file (plus `diagnostics.json` next to it). */
export async function profileDataset(
  options: ProfileOptions,
  runtime: PipelineRuntime
): Promise<RunSummary> {
  const started = Date.now();
  const { dir, name } = splitPath(options.output);
  return withDiagnosticsOnFailure(runtime, dir, async () => {
    const merged = await profileInput('profile', options, runtime);
    options.onProgress?.({ type: 'phase', phase: 'writing' });
    await runtime.writeFiles(dir, {
      [name]: profileFileText(merged.counts, merged.profile.toJSON()),
      [DIAGNOSTICS_FILE]: diagnosticsFileText(merged.counts, merged.diagnostics)
    });
    return summarize('profile', merged, dir, [name, DIAGNOSTICS_FILE], started);
  });
}
