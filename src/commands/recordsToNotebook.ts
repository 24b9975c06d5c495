import { JupyterFrontEnd } from '@jupyterlab/application';
import { Widget } from '@lumino/widgets';

import { recordsNotebookCode } from '../models/recordsNotebookCode';

/**
 * The parts of a notebook panel this command uses. Read by shape rather than through
 * `@jupyterlab/notebook`: depending on that package pulls its language-server dependencies into
 * every npm install of ours, for one cell.
 */
export interface NotebookLike extends Widget {
  context: { path: string; ready: Promise<void> };
  content: {
    activeCellIndex: number;
    widgets: readonly {
      model: { sharedModel: { getSource(): string; setSource(source: string): void } };
    }[];
    model: {
      sharedModel: {
        insertCell(index: number, cell: { cell_type: 'code'; source: string }): unknown;
      };
    } | null;
  };
}

export function isNotebook(widget: unknown): widget is NotebookLike {
  const candidate = widget as Partial<NotebookLike> | null;
  return (
    !!candidate &&
    typeof candidate.context?.path === 'string' &&
    candidate.context.path.endsWith('.ipynb') &&
    typeof candidate.content?.model?.sharedModel?.insertCell === 'function'
  );
}

/**
 * Puts a cell that loads the listed rows below the active cell of `notebook` (the one last used),
 * or in a new notebook in the run's folder when there is none; the notebook is shown with the cell
 * active.
 */
export async function insertRecordsCell(
  app: JupyterFrontEnd,
  notebook: NotebookLike | null,
  resultsFile: string,
  description: string,
  runFolder: string
): Promise<NotebookLike> {
  let panel = notebook && !notebook.isDisposed ? notebook : null;
  const created = panel === null;
  if (!panel) {
    // The default kernel, so no kernel picker stands between the user and the cell.
    const kernelName = app.serviceManager.kernelspecs.specs?.default;
    const widget = await app.commands.execute('notebook:create-new', {
      cwd: runFolder,
      ...(kernelName ? { kernelName } : {})
    });
    if (!isNotebook(widget)) {
      throw new Error('JupyterLab did not open a notebook');
    }
    panel = widget;
  }
  await panel.context.ready;
  const code = recordsNotebookCode(resultsFile, panel.context.path, description);
  const content = panel.content;
  const empty =
    created && content.widgets.length === 1 && !content.widgets[0].model.sharedModel.getSource();
  if (empty) {
    content.widgets[0].model.sharedModel.setSource(code);
  } else {
    const index = content.activeCellIndex + 1;
    content.model!.sharedModel.insertCell(index, { cell_type: 'code', source: code });
    content.activeCellIndex = index;
  }
  app.shell.activateById(panel.id);
  return panel;
}
