import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { cancelBaseline, getBaseline, startBaseline } from '../api/baselines';
import { fetchCaptureSummary } from '../api/captures';
import { buildBaseline } from '../commands/buildBaseline';
import { loadCaptures } from '../commands/loadCaptures';
import { CommandIds } from '../commandIds';
import { formatOfPath } from '../models/baselineForm';
import { BaselineJobsModel } from '../models/BaselineJobsModel';
import { modelMonitorIcon } from '../widgets/icons';

/**
 * Commands on data in the file browser: summarise a capture folder, build a baseline from a data
 * set. Their palette entries come with the other Model Monitor commands (plugins/commands.ts);
 * menus and context menus are in schema/commands.json.
 */
export const dataCommandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-model-monitor:data-commands',
  description: 'Load captures and build baselines from the file browser.',
  autoStart: true,
  optional: [ITranslator, IDefaultFileBrowser, IDocumentManager],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator | null,
    fileBrowser: IDefaultFileBrowser | null,
    docManager: IDocumentManager | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    const baselineJobs = new BaselineJobsModel({ startBaseline, getBaseline, cancelBaseline });
    // The `model-monitor-arrow` file type the Arrow context-menu entries match is registered by
    // the commands plugin (Profile in Browser).
    const selected = () => [...(fileBrowser?.selectedItems() ?? [])];
    const currentFolder = () => fileBrowser?.model.path ?? '';
    // A folder or a file whose extension names a data format; not, say, a notebook.
    const selectedDataset = () =>
      selected().find(item => item.type === 'directory' || formatOfPath(item.path) !== 'auto')
        ?.path;

    // schema/commands.json: context-menu entries pass {"source": "file-browser"}.
    const fromFileBrowser = (args: ReadonlyPartialJSONObject) => args.source === 'file-browser';

    app.commands.addCommand(CommandIds.loadCaptures, {
      label: args =>
        fromFileBrowser(args) ? trans.__('Summarise Captures') : trans.__('Load Captures…'),
      caption: trans.__(
        'Time range, records per hour, encodings and parse problems of a capture folder'
      ),
      icon: args => (args.isPalette ? undefined : modelMonitorIcon),
      execute: args => {
        // From the palette or the menu (no path): ask, whatever the file browser has selected.
        let path = typeof args.path === 'string' ? args.path : null;
        if (path === null && fromFileBrowser(args)) {
          path = selected().find(item => item.type === 'directory')?.path ?? null;
        }
        return loadCaptures(app, fetchCaptureSummary, path, currentFolder(), docManager, trans);
      }
    });
    app.commands.addCommand(CommandIds.buildBaseline, {
      label: trans.__('Build Baseline…'),
      caption: trans.__('Profile a data set into statistics.json and suggested constraints.json'),
      icon: args => (args.isPalette ? undefined : modelMonitorIcon),
      execute: args => {
        const dataset = typeof args.dataset === 'string' ? args.dataset : (selectedDataset() ?? '');
        return buildBaseline(app, baselineJobs, dataset, trans);
      }
    });
  }
};
