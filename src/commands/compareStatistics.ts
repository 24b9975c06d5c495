import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, MainAreaWidget, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { ComparisonFileError, ComparisonPaths, loadComparison } from '../models/loadComparison';
import { ComparePathsForm } from '../widgets/ComparePathsForm';
import { exportReport } from './exportReport';
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
    if (paths.feature && model.features.some(f => f.name === paths.feature)) {
      model.select(paths.feature);
    }
    const content = new ComparisonView(model, paths, trans);
    const widget = new MainAreaWidget({ content });
    widget.id = `jp-ModelMonitor-compare-${Date.now()}`;
    widget.title.label =
      paths.label ??
      trans.__('%1 vs baseline', PathExt.basename(PathExt.dirname(paths.current)) || paths.current);
    widget.title.caption = trans.__('Baseline: %1\nCurrent: %2', paths.baseline, paths.current);
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    content.reportRequested.connect(
      () => void exportReport(model, paths, widget.title.label, trans)
    );
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
  let values: Partial<ComparisonPaths> = {
    baseline: args.baseline ?? selectedFiles[0],
    current: args.current ?? selectedFiles[1]
  };
  let error: string | undefined;
  // An empty field asks again, saying what is missing, instead of closing without a word.
  for (;;) {
    const answer = await showDialog({
      title: trans.__('Compare statistics'),
      body: new ComparePathsForm(values, trans, error),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Compare') })
      ]
    });
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    if (values.baseline && values.current) {
      return {
        baseline: values.baseline,
        current: values.current,
        violations: args.violations,
        label: args.label
      };
    }
    error = values.baseline
      ? trans.__('Choose the current statistics.json.')
      : trans.__('Choose the baseline statistics.json.');
  }
}

function fileErrorText(error: unknown, trans: TranslationBundle): string {
  if (error instanceof ComparisonFileError) {
    switch (error.reason) {
      case 'unreadable':
        return trans.__('%1 could not be read.', error.path);
      case 'invalid-json':
        return trans.__(
          '%1 is not valid JSON: is it cut short, or still being written?',
          error.path
        );
      default:
        return trans.__('%1 is not a Model Monitor statistics.json.', error.path);
    }
  }
  return String((error as Error)?.message ?? error);
}
