import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, MainAreaWidget, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { FileDialog } from '@jupyterlab/filebrowser';
import { TranslationBundle } from '@jupyterlab/translation';

import { CommandIds } from '../commandIds';
import { ComparisonPaths, loadComparison, loadSegments } from '../models/loadComparison';
import { ComparePathsForm } from '../widgets/ComparePathsForm';
import { exportReport } from './exportReport';
import { ComparisonView } from '../widgets/ComparisonView';
import { modelMonitorIcon } from '../widgets/icons';
import { fileErrorText } from '../widgets/comparisonErrors';
import { segmentLabel } from '../widgets/segmentLabel';

/**
 * Opens two statistics files side by side. Given both paths it opens at once; otherwise it asks,
 * starting from the files selected in the file browser (the first one as the baseline).
 */
export async function compareStatistics(
  app: JupyterFrontEnd,
  args: Partial<ComparisonPaths>,
  selectedFiles: string[],
  trans: TranslationBundle,
  docManager: IDocumentManager | null = null
): Promise<MainAreaWidget<ComparisonView> | null> {
  const browse = docManager ? statisticsPicker(docManager, trans) : undefined;
  const paths =
    args.baseline && args.current
      ? (args as ComparisonPaths)
      : await askPaths(args, selectedFiles, trans, browse);
  if (!paths) {
    return null;
  }
  try {
    const contents = app.serviceManager.contents;
    const model = await loadComparison(contents, paths);
    if (paths.feature && model.features.some(f => f.name === paths.feature)) {
      model.select(paths.feature);
    }
    const segments = await loadSegments(contents, paths, model);
    const segment = paths.segment && segments?.find(paths.segment);
    if (segment) {
      await segments!.select(segment);
    }
    const content = new ComparisonView(model, paths, trans, true, segments);
    const widget = new MainAreaWidget({ content });
    widget.id = `jp-ModelMonitor-compare-${Date.now()}`;
    widget.title.label =
      paths.label ??
      trans.__('%1 vs baseline', PathExt.basename(PathExt.dirname(paths.current)) || paths.current);
    widget.title.caption = trans.__('Baseline: %1\nCurrent: %2', paths.baseline, paths.current);
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    content.reportRequested.connect(() => {
      const title = reportTitle(widget.title.label, content, trans);
      void exportReport(content.model, content.paths, title, trans);
    });
    content.recordsRequested.connect(
      (_, query) => void app.commands.execute(CommandIds.showRecords, { ...query })
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
  trans: TranslationBundle,
  browse?: BrowseForFile
): Promise<ComparisonPaths | null> {
  let values: Partial<ComparisonPaths> = {
    baseline: args.baseline ?? selectedFiles[0],
    current: args.current ?? selectedFiles[1]
  };
  let error: string | undefined;
  // An empty field asks again, saying what is missing, instead of closing without a word.
  for (;;) {
    const form = new ComparePathsForm(values, trans, error, browse !== undefined);
    const answer = await showDialog({
      title: trans.__('Compare statistics'),
      body: form,
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Compare') })
      ]
    });
    const field = form.browseRequest;
    if (field && browse) {
      values = form.getValue();
      values = { ...values, [field]: (await browse(values[field] ?? '')) ?? values[field] };
      error = undefined;
      continue;
    }
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    if (values.baseline && values.current) {
      return {
        baseline: values.baseline,
        current: values.current,
        violations: args.violations,
        label: args.label,
        feature: args.feature
      };
    }
    error = values.baseline
      ? trans.__('Choose the current statistics.json.')
      : trans.__('Choose the baseline statistics.json.');
  }
}

/** Picks a file, starting next to `path`; null when the user cancels. */
type BrowseForFile = (path: string) => Promise<string | null>;

/** Lab's file dialog, showing folders and JSON files, opened where `path` is. */
function statisticsPicker(docManager: IDocumentManager, trans: TranslationBundle): BrowseForFile {
  return async path => {
    const answer = await FileDialog.getOpenFiles({
      manager: docManager,
      title: trans.__('Choose a statistics.json'),
      defaultPath: path ? PathExt.dirname(path) : undefined,
      filter: model => (model.type === 'directory' || model.name.endsWith('.json') ? {} : null)
    });
    const file = answer.button.accept ? answer.value?.find(model => model.type === 'file') : null;
    return file ? file.path : null;
  };
}

/** The tab's label, and the segment shown: "churn vs baseline · north". */
function reportTitle(label: string, view: ComparisonView, trans: TranslationBundle): string {
  const segment = view.segment;
  return segment ? trans.__('%1 · %2', label, segmentLabel(segment, trans)) : label;
}
