import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { renderSvg } from '../charts/svgChart';
import { ComparisonModel } from '../models/ComparisonModel';
import { exportName } from '../models/csvExport';
import { toastError } from './toasts';
import { reportHtml } from '../report/reportHtml';
import { downloadText } from '../widgets/download';
import { messageOf } from '../models/errorMessage';

/**
 * Saves a comparison as the run's self-contained HTML report (what `model-monitor report`
 * writes), made in the browser from the documents the view holds, through a download.
 */
export async function exportReport(
  model: ComparisonModel,
  paths: { baseline: string; current: string; violations?: string },
  title: string,
  trans: TranslationBundle
): Promise<void> {
  try {
    const html = await reportHtml(
      {
        title,
        baseline: model.baseline,
        current: model.current,
        violations: model.violations,
        settings: model.settings,
        sources: paths,
        generatedAt: new Date().toISOString()
      },
      renderSvg
    );
    const run = PathExt.basename(PathExt.dirname(paths.current)) || 'run';
    downloadText(exportName(run, 'report', 'html'), html, 'text/html');
  } catch (error) {
    toastError('report', trans.__('The report could not be made: %1', messageOf(error)));
  }
}
