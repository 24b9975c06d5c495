import { JupyterFrontEnd } from '@jupyterlab/application';
import { InputDialog, MainAreaWidget } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { FileDialog } from '@jupyterlab/filebrowser';
import { TranslationBundle } from '@jupyterlab/translation';

import { CaptureSummarySource } from '../api/captures';
import { CaptureSummaryView } from '../widgets/CaptureSummaryView';
import { openAtLine } from './openAtLine';
import { modelMonitorIcon } from '../widgets/icons';
import { messageOf } from '../models/errorMessage';

/**
 * Opens the summary of a capture folder in the main area: a spinner while the server scans it,
 * then the summary, or the server's reason (a path outside the root, a missing folder).
 * Without a path it asks for a folder, starting in `startFolder`.
 */
export async function loadCaptures(
  app: JupyterFrontEnd,
  fetchSummary: CaptureSummarySource,
  path: string | null,
  startFolder: string,
  docManager: IDocumentManager | null,
  trans: TranslationBundle
): Promise<MainAreaWidget<CaptureSummaryView> | null> {
  const folder = path ?? (await askFolder(startFolder, docManager, trans));
  if (folder === null) {
    return null;
  }
  const view = new CaptureSummaryView(trans, (file, line) => void openAtLine(app, file, line));
  const scanned = fetchSummary(folder).then(
    summary => view.showSummary(summary),
    error => view.showError(folder, messageOf(error))
  );
  const widget = new MainAreaWidget({ content: view, reveal: scanned });
  widget.id = `jp-ModelMonitor-captures-${Date.now()}`;
  widget.title.label = trans.__('Captures: %1', PathExt.basename(folder) || folder || '/');
  widget.title.caption = trans.__('Capture summary of %1', folder || '/');
  widget.title.icon = modelMonitorIcon;
  widget.title.closable = true;
  app.shell.add(widget, 'main');
  await scanned;
  return widget;
}

/** Lab's folder picker when the document manager is there, else a path to type. */
async function askFolder(
  startFolder: string,
  docManager: IDocumentManager | null,
  trans: TranslationBundle
): Promise<string | null> {
  const title = trans.__('Choose a capture folder');
  if (docManager) {
    const answer = await FileDialog.getExistingDirectory({
      manager: docManager,
      title,
      defaultPath: startFolder,
      label: trans.__('SageMaker data capture: a folder with yyyy/mm/dd/HH/*.jsonl below it.')
    });
    return answer.button.accept && answer.value?.length ? answer.value[0].path : null;
  }
  const answer = await InputDialog.getText({
    title,
    label: trans.__('Folder, relative to the Jupyter root'),
    text: startFolder,
    placeholder: 'captures/my-endpoint'
  });
  return answer.button.accept && answer.value !== null ? answer.value.trim() : null;
}
