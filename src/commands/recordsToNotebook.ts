import { JupyterFrontEnd } from '@jupyterlab/application';
import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { recordsNotebookCode } from '../models/recordsNotebookCode';

/**
 * Puts a cell that loads the listed rows below the active cell of the current notebook, or in a
 * new notebook in the run's folder when none is open; the notebook is shown with the cell active.
 */
export async function insertRecordsCell(
  app: JupyterFrontEnd,
  notebooks: INotebookTracker | null,
  resultsFile: string,
  description: string,
  runFolder: string
): Promise<NotebookPanel> {
  let panel = notebooks?.currentWidget ?? null;
  const created = panel === null;
  if (!panel) {
    // The default kernel, so no kernel picker stands between the user and the cell.
    const kernelName = app.serviceManager.kernelspecs.specs?.default;
    panel = (await app.commands.execute('notebook:create-new', {
      cwd: runFolder,
      ...(kernelName ? { kernelName } : {})
    })) as NotebookPanel;
  }
  await panel.context.ready;
  const code = recordsNotebookCode(resultsFile, panel.context.path, description);
  const notebook = panel.content;
  const empty =
    created && notebook.widgets.length === 1 && !notebook.widgets[0].model.sharedModel.getSource();
  if (!empty) {
    const index = notebook.activeCellIndex + 1;
    notebook.model!.sharedModel.insertCell(index, { cell_type: 'code', source: code });
    notebook.activeCellIndex = index;
  } else {
    notebook.widgets[0].model.sharedModel.setSource(code);
  }
  app.shell.activateById(panel.id);
  return panel;
}
