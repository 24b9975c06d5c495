import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { fetchRecords, RecordQuery } from '../api/records';
import { RecordsModel } from '../models/RecordsModel';
import { modelMonitorIcon } from '../widgets/icons';
import { describeQuery, RecordsView } from '../widgets/RecordsView';
import { openAtLine } from './openAtLine';
import { insertRecordsCell, NotebookLike } from './recordsToNotebook';

/**
 * Opens the rows behind a number in the main area: the server reads the run's input (once; pages
 * come from the file it keeps), each row links to its capture line, and "Open in notebook" puts a
 * cell that loads them in the current notebook (or a new one beside the run).
 */
export async function showRecords(
  app: JupyterFrontEnd,
  query: RecordQuery,
  /** The notebook last used, if any: the cell goes there. */
  lastNotebook: () => NotebookLike | null,
  trans: TranslationBundle
): Promise<MainAreaWidget<RecordsView>> {
  const model = new RecordsModel(query, fetchRecords);
  const view = new RecordsView(model, trans);
  view.openRequested.connect((_, { file, line }) => void openAtLine(app, file, line));
  view.notebookRequested.connect(() => {
    const file = model.page?.results_file;
    if (file) {
      void insertRecordsCell(app, lastNotebook(), file, describeQuery(query, trans), query.run);
    }
  });
  const widget = new MainAreaWidget({ content: view });
  widget.id = `jp-ModelMonitor-records-${Date.now()}`;
  widget.title.label = trans.__('Records: %1 · %2', query.feature, PathExt.basename(query.run));
  widget.title.caption = `${describeQuery(query, trans)}\n${query.run}`;
  widget.title.icon = modelMonitorIcon;
  widget.title.closable = true;
  app.shell.add(widget, 'main');
  await model.load();
  return widget;
}
