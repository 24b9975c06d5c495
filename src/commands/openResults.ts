import { JupyterFrontEnd } from '@jupyterlab/application';
import { InputDialog, Notification } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { STATISTICS_FILE, VIOLATIONS_FILE } from '../engine/documents/fileNames';
import { MonitorsModel } from '../models/MonitorsModel';

/** The result files of a run, in the order they open (violations end up in front). */
const RESULT_FILES = [STATISTICS_FILE, VIOLATIONS_FILE];

export interface IOpenResultsArgs {
  /** The execution whose output folder to open. */
  executionId?: string;
  /** Or a results folder, relative to the server root. */
  folder?: string;
}

/**
 * Opens a run's statistics.json and constraint_violations.json in the Model Monitor viewers.
 * Without arguments it asks for a folder. A run that found missing columns has no statistics.json,
 * so only the files that exist open.
 */
export async function openResults(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  args: IOpenResultsArgs,
  trans: TranslationBundle
): Promise<string[]> {
  const folder = await resultsFolder(model, args, trans);
  if (folder === null) {
    return [];
  }
  const contents = app.serviceManager.contents;
  const opened: string[] = [];
  for (const name of RESULT_FILES) {
    const path = PathExt.join(folder, name);
    const exists = await contents.get(path, { content: false }).then(
      () => true,
      () => false
    );
    if (exists) {
      await app.commands.execute('docmanager:open', { path });
      opened.push(path);
    }
  }
  if (opened.length === 0) {
    Notification.warning(trans.__('No result files in %1', folder), { autoClose: 5000 });
  }
  return opened;
}

async function resultsFolder(
  model: MonitorsModel,
  args: IOpenResultsArgs,
  trans: TranslationBundle
): Promise<string | null> {
  if (args.folder) {
    return args.folder;
  }
  if (args.executionId) {
    return (await model.fetchExecution(args.executionId)).output;
  }
  const answer = await InputDialog.getText({
    title: trans.__('Open results'),
    label: trans.__('Results folder (with statistics.json and constraint_violations.json)'),
    placeholder: 'monitoring/my-monitor/manual/…'
  });
  return answer.button.accept && answer.value ? answer.value : null;
}
