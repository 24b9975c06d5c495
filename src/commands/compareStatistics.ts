import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, MainAreaWidget, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { ComparisonFileError, ComparisonPaths, loadComparison } from '../models/loadComparison';
import { ComparePathsForm } from '../widgets/ComparePathsForm';
import { ComparisonView } from '../widgets/ComparisonView';
import { modelMonitorIcon } from '../widgets/icons';

/**
 * Opens two statistics files side by side. Given both paths it opens at once; otherwise it asks,
 * starting from the files selected in the file browser (the first one as the baseline).
 */
export async function compareStatistics(
  app: JupyterFrontEnd,
  args: Partial<ComparisonPaths>,
  selectedFiles: string[],
  trans: TranslationBundle
): Promise<MainAreaWidget<ComparisonView> | null> {
  const paths =
    args.baseline && args.current
      ? (args as ComparisonPaths)
      : await askPaths(args, selectedFiles, trans);
  if (!paths) {
    return null;
  }
  try {
    const model = await loadComparison(app.serviceManager.contents, paths);
    const widget = new MainAreaWidget({ content: new ComparisonView(model, paths, trans) });
    widget.id = `jp-ModelMonitor-compare-${Date.now()}`;
    widget.title.label =
      paths.label ??
      trans.__('%1 vs baseline', PathExt.basename(PathExt.dirname(paths.current)) || paths.current);
    widget.title.caption = trans.__('Baseline: %1\nCurrent: %2', paths.baseline, paths.current);
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    app.shell.add(widget, 'main');
    return widget;
  } catch (error) {
    await showErrorMessage(trans.__('Cannot compare'), fileErrorText(error, trans));
    return null;
  }
}

async function askPaths(
  args: Partial<ComparisonPaths>,
  selectedFiles: string[],
  trans: TranslationBundle
): Promise<ComparisonPaths | null> {
  const initial = {
    baseline: args.baseline ?? selectedFiles[0],
    current: args.current ?? selectedFiles[1]
  };
  const answer = await showDialog({
    title: trans.__('Compare statistics'),
    body: new ComparePathsForm(initial, trans),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Compare') })
    ]
  });
  const value = answer.value;
  return answer.button.accept && value?.baseline && value.current
    ? { ...value, violations: args.violations, label: args.label }
    : null;
}

function fileErrorText(error: unknown, trans: TranslationBundle): string {
  if (error instanceof ComparisonFileError) {
    return error.reason === 'unreadable'
      ? trans.__('%1 could not be read.', error.path)
      : trans.__('%1 is not a Model Monitor statistics.json.', error.path);
  }
  return String((error as Error)?.message ?? error);
}
