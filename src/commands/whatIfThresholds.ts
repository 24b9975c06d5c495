import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, Notification, showErrorMessage } from '@jupyterlab/apputils';
import { Contents } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';

import { readServerText } from '../api/serverFiles';
import { Monitor } from '../api/types';
import { readConstraints, readStatistics } from '../engine/documents/read';
import { StatisticsDocument } from '../engine/documents/statistics';
import { hasResults } from '../models/monitorStatus';
import { MonitorsModel } from '../models/MonitorsModel';
import { ReplayedRun, replayThresholds, RunDifference } from '../models/whatIf';
import { formatWindow } from '../widgets/format';
import { modelMonitorIcon } from '../widgets/icons';
import { WhatIfView } from '../widgets/WhatIfView';
import { messageOf } from '../models/errorMessage';

/** Past runs replayed per monitor, newest first. */
const MAX_RUNS = 50;

/**
 * Replays a constraints.json as edited (`text`) over the past runs of every monitor whose baseline
 * constraints are `path`, against the saved file, and shows what the edits would change.
 */
export async function whatIfThresholds(
  app: JupyterFrontEnd,
  monitors: MonitorsModel,
  path: string,
  text: string,
  trans: TranslationBundle
): Promise<MainAreaWidget<WhatIfView> | null> {
  const title = trans.__('What if: %1', path);
  try {
    const edited = readConstraints(text, path);
    if (monitors.monitors.length === 0) {
      await monitors.reload();
    }
    const users = monitors.monitors.filter(m => m.baseline_constraints === path);
    if (users.length === 0) {
      await showErrorMessage(
        title,
        trans.__(
          'No monitor uses %1 as its baseline constraints, so there are no past runs to replay.',
          path
        )
      );
      return null;
    }
    const contents = app.serviceManager.contents;
    const saved = readConstraints(await readServerText(path, contents), path);
    const differences: RunDifference[] = [];
    let unreadable = 0;
    const progress = Notification.emit(trans.__('Replaying past runs…'), 'in-progress', {
      autoClose: false
    });
    try {
      for (const monitor of users) {
        const baselinePath = monitor.baseline_statistics;
        const baseline = readStatistics(await readServerText(baselinePath, contents), baselinePath);
        const { runs, failed } = await pastRuns(contents, monitors, monitor);
        unreadable += failed;
        differences.push(...replayThresholds(baseline, saved, edited, runs));
      }
    } finally {
      Notification.dismiss(progress);
    }
    const widget = new MainAreaWidget({
      content: new WhatIfView(differences, unreadable, trans)
    });
    widget.id = `jp-ModelMonitor-whatIf-${Date.now()}`;
    widget.title.label = trans.__('What if: %1', users.map(m => m.name).join(', '));
    widget.title.caption = title;
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    app.shell.add(widget, 'main', { mode: 'split-right' });
    return widget;
  } catch (error) {
    await showErrorMessage(title, messageOf(error));
    return null;
  }
}

/** A monitor's newest runs with results, with their statistics; `failed` could not be read. */
async function pastRuns(
  contents: Contents.IManager,
  monitors: MonitorsModel,
  monitor: Monitor
): Promise<{ runs: ReplayedRun[]; failed: number }> {
  const executions = (await monitors.fetchExecutions(monitor.id, 1000))
    .filter(hasResults)
    .slice(0, MAX_RUNS);
  const runs: ReplayedRun[] = [];
  let failed = 0;
  for (const execution of executions) {
    const file = `${execution.output}/statistics.json`;
    let statistics: StatisticsDocument;
    try {
      statistics = readStatistics(await readServerText(file, contents), file);
    } catch {
      failed++;
      continue;
    }
    const window = formatWindow(execution.window_start, execution.window_end);
    runs.push({ executionId: execution.id, label: `${monitor.name} · ${window}`, statistics });
  }
  return { runs, failed };
}
