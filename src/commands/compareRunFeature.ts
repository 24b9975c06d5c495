import { JupyterFrontEnd } from '@jupyterlab/application';
import { PathExt } from '@jupyterlab/coreutils';

import { readServerText } from '../api/serverFiles';
import { CommandIds } from '../commandIds';
import { DIAGNOSTICS_FILE, STATISTICS_FILE } from '../engine/documents/fileNames';

/**
 * Opens a feature of a run (the folder of `resultPath`) in the comparison with its baseline: the
 * baseline named in the run's diagnostics.json when it is a path under the server root, else the
 * comparison asks for it.
 */
export async function compareRunFeature(
  app: JupyterFrontEnd,
  resultPath: string,
  feature: string
): Promise<void> {
  const run = PathExt.dirname(resultPath);
  const baseline = await baselineOf(app, run);
  await app.commands.execute(CommandIds.compareStatistics, {
    current: PathExt.join(run, STATISTICS_FILE),
    violations: resultPath,
    feature,
    ...(baseline ? { baseline } : {})
  });
}

/** The run's baseline statistics path when its diagnostics.json gives a root-relative one. */
async function baselineOf(app: JupyterFrontEnd, run: string): Promise<string | null> {
  try {
    const text = await readServerText(
      PathExt.join(run, DIAGNOSTICS_FILE),
      app.serviceManager.contents
    );
    const path = JSON.parse(text)?.input?.baseline_statistics;
    // Scheduled runs are given absolute paths, which the contents API cannot open.
    return typeof path === 'string' && !path.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}
