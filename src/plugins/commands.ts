import { ILabShell, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { compareQuality, QualityComparisonPaths } from '../commands/compareQuality';
import { compareStatistics } from '../commands/compareStatistics';
import { createSchedule } from '../commands/createSchedule';
import { IOpenResultsArgs, openResults } from '../commands/openResults';
import {
  ARROW_FILE_TYPE,
  IProfileInBrowserArgs,
  PROFILABLE_EXTENSIONS,
  profileInBrowser
} from '../commands/profileInBrowser';
import { runMonitorNow, runMonitorOver } from '../commands/runMonitor';
import { showMetrics } from '../commands/showMetrics';
import { isNotebook, NotebookLike } from '../commands/recordsToNotebook';
import { showRecords } from '../commands/showRecords';
import { fetchCaptureSummary } from '../api/captures';
import { RecordQuery } from '../api/records';
import { whatIfThresholds } from '../commands/whatIfThresholds';
import { CommandIds } from '../commandIds';
import { ComparisonPaths } from '../models/loadComparison';
import { ViewerSettings } from '../models/ViewerSettings';
import { IModelMonitorPanel, IServerHealth, IViewerSettings } from '../tokens';
import { modelMonitorIcon } from '../widgets/icons';

/** Model Monitor commands, in the palette under "Model Monitor" (menus are in schema/commands.json). */
export const commandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-model-monitor:commands',
  description: 'Model Monitor commands in the palette.',
  autoStart: true,
  requires: [IModelMonitorPanel, IServerHealth, IViewerSettings],
  optional: [ICommandPalette, ITranslator, IDefaultFileBrowser, IDocumentManager, ILabShell],
  activate: (
    app: JupyterFrontEnd,
    panel: IModelMonitorPanel,
    health: IServerHealth,
    viewerSettings: ViewerSettings,
    palette: ICommandPalette | null,
    translator: ITranslator | null,
    fileBrowser: IDefaultFileBrowser | null,
    docManager: IDocumentManager | null,
    labShell: ILabShell | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    // The notebook used last: Show Records' "Open in notebook" puts its cell there.
    let lastNotebook: NotebookLike | null = null;
    labShell?.currentChanged.connect((_, change) => {
      if (isNotebook(change.newValue)) {
        lastNotebook = change.newValue;
      }
    });
    app.commands.addCommand(CommandIds.openPanel, {
      label: trans.__('Open Model Monitor panel'),
      caption: trans.__('Show the Model Monitor panel in the left sidebar'),
      icon: args => (args.isPalette ? undefined : modelMonitorIcon),
      execute: () => {
        app.shell.activateById(panel.id);
        void health.ensure();
      }
    });
    app.commands.addCommand(CommandIds.createSchedule, {
      label: trans.__('New Monitoring Schedule…'),
      caption: trans.__('Create a monitor that checks captures against a baseline on a schedule'),
      execute: async () => {
        app.shell.activateById(panel.id);
        const defaults = viewerSettings.values;
        return createSchedule(panel.monitors, trans, {
          backend: defaults.defaultBackend,
          preset: defaults.defaultSchedulePreset
        });
      }
    });
    app.commands.addCommand(CommandIds.runMonitor, {
      label: trans.__('Run Monitor Now…'),
      caption: trans.__('Run a monitor over its latest time window'),
      execute: args =>
        runMonitorNow(app, panel.monitors, args.monitorId as string | undefined, trans).finally(
          // The run's alert, if any, is in the list at once rather than at the next poll.
          () => void panel.alerts.refresh()
        )
    });
    app.commands.addCommand(CommandIds.runMonitorOver, {
      label: trans.__('Run Monitor Over…'),
      caption: trans.__('Run a monitor over a time window you choose (past captures, a backfill)'),
      execute: args =>
        runMonitorOver(
          app,
          panel.monitors,
          fetchCaptureSummary,
          args.monitorId as string | undefined,
          trans
        ).finally(() => void panel.alerts.refresh())
    });
    app.commands.addCommand(CommandIds.openResults, {
      label: trans.__('Open Monitoring Results…'),
      caption: trans.__("Open a run's statistics and constraint violations"),
      execute: args => openResults(app, panel.monitors, args as IOpenResultsArgs, trans)
    });
    app.commands.addCommand(CommandIds.compareStatistics, {
      label: trans.__('Compare Statistics…'),
      caption: trans.__('Compare two statistics.json files: drift, histograms and CDFs'),
      execute: args => {
        const selected = [...(fileBrowser?.selectedItems() ?? [])]
          .filter(item => item.type === 'file')
          .map(item => item.path);
        const paths = args as Partial<ComparisonPaths>;
        return compareStatistics(app, paths, selected, trans, docManager);
      }
    });
    app.commands.addCommand(CommandIds.showRecords, {
      label: trans.__('Show Records'),
      caption: trans.__(
        "A run's records behind a number: in a histogram bin, out of range, unseen, missing or of the wrong type"
      ),
      isVisible: args => typeof args.run === 'string' && typeof args.feature === 'string',
      execute: args => showRecords(app, args as unknown as RecordQuery, () => lastNotebook, trans)
    });
    app.commands.addCommand(CommandIds.compareQuality, {
      label: trans.__('Compare Model-Quality Run with Baseline'),
      caption: trans.__("A model-quality run's metrics with its baseline's thresholds"),
      isVisible: args => typeof args.statistics === 'string',
      execute: args => compareQuality(app, args as unknown as QualityComparisonPaths, trans)
    });
    app.commands.addCommand(CommandIds.showMetrics, {
      label: trans.__('Show Metric History'),
      caption: trans.__("A monitor's drift, missing shares and item counts across its runs"),
      isVisible: args => typeof args.monitorId === 'string',
      execute: args => showMetrics(app, panel.monitors, args.monitorId as string, trans)
    });
    app.commands.addCommand(CommandIds.whatIfThresholds, {
      label: trans.__('What If: Replay Constraints over Past Runs'),
      caption: trans.__(
        'Which violations edited constraints would have raised or cleared in past runs'
      ),
      isVisible: args => typeof args.path === 'string',
      execute: args =>
        whatIfThresholds(app, panel.monitors, args.path as string, args.text as string, trans)
    });
    // Arrow IPC files get a type of their own, so the file browser can offer them the command.
    app.docRegistry.addFileType({
      name: ARROW_FILE_TYPE,
      displayName: trans.__('Arrow IPC data'),
      extensions: ['.arrow', '.arrows'],
      contentType: 'file',
      fileFormat: 'base64',
      icon: modelMonitorIcon
    });
    app.commands.addCommand(CommandIds.profileFile, {
      label: trans.__('Profile in Browser'),
      caption: trans.__(
        'Profile a data file or folder of captures in your browser (no server computation): statistics and suggested constraints'
      ),
      icon: args => (args.isPalette ? undefined : modelMonitorIcon),
      execute: args => {
        const selected = [...(fileBrowser?.selectedItems() ?? [])].find(
          item =>
            item.type === 'directory' ||
            PROFILABLE_EXTENSIONS.some(ext => item.name.toLowerCase().endsWith(ext))
        );
        return profileInBrowser(
          app,
          args as IProfileInBrowserArgs,
          selected?.path,
          viewerSettings,
          trans
        );
      }
    });
    const category = trans.__('Model Monitor');
    // These need a monitor or a run: they are offered on each one in the panel.
    const needArguments: string[] = [
      CommandIds.showMetrics,
      CommandIds.compareQuality,
      CommandIds.whatIfThresholds
    ];
    const inPalette = Object.values(CommandIds).filter(id => !needArguments.includes(id));
    for (const command of inPalette) {
      palette?.addItem({ command, category });
    }
  }
};
