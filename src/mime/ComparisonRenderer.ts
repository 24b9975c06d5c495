import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { TranslationBundle, nullTranslator } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { resolveMonitoringSettings } from '../engine/monitor/monitoringSettings';
import { ComparisonModel } from '../models/ComparisonModel';
import { isStatisticsDocument, isViolationsDocument } from '../models/parseDocuments';
import { exportReport } from '../commands/exportReport';
import { ComparisonView } from '../widgets/ComparisonView';
import { messageView } from '../widgets/createResultView';

/**
 * Renders a comparison bundle, `{baseline, current, violations?, labels?}`, as written by
 * `jupyterlab_model_monitor.display(statistics=…, baseline=…)`: the comparison view of the
 * two statistics documents, with the run's violations as badges.
 */
export class ComparisonRenderer extends Panel implements IRenderMime.IRenderer {
  constructor(private readonly _options: IRenderMime.IRendererOptions) {
    super();
    this.addClass('jp-ModelMonitor-mimeRenderer');
    this.addClass('jp-ModelMonitor-comparisonRenderer');
    this._trans = (_options.translator ?? nullTranslator).load('jupyterlab_model_monitor');
  }

  /** The comparison view, or a message saying why the data cannot be shown. */
  get view(): Widget | null {
    return this._view;
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this._view?.dispose();
    this._view = this._createView(model.data[this._options.mimeType]);
    this.addWidget(this._view);
  }

  private _createView(data: unknown): Widget {
    const trans = this._trans;
    if (!isRecord(data) || !isStatisticsDocument(data.baseline)) {
      return messageView(trans.__('This comparison has no baseline statistics.json.'));
    }
    if (!isStatisticsDocument(data.current)) {
      return messageView(trans.__('This comparison has no current statistics.json.'));
    }
    const violations = isViolationsDocument(data.violations) ? data.violations : undefined;
    const labels = isRecord(data.labels) ? data.labels : {};
    // The baseline's monitoring_config, when the bundle has it: drift is measured as the check did.
    const settings = isRecord(data.monitoring_config)
      ? resolveMonitoringSettings(data.monitoring_config)
      : undefined;
    const model = new ComparisonModel(data.baseline, data.current, violations, settings);
    const paths = {
      baseline: labelOf(labels.baseline, trans.__('baseline')),
      current: labelOf(labels.current, trans.__('current statistics'))
    };
    const view = new ComparisonView(model, paths, trans, false);
    const title = trans.__('%1 vs %2', paths.current, paths.baseline);
    view.reportRequested.connect(() => void exportReport(model, paths, title, trans));
    return view;
  }

  private _trans: TranslationBundle;
  private _view: Widget | null = null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelOf(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}
