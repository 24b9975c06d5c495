import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { TranslationBundle, nullTranslator } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { classifyDocument } from '../models/parseDocuments';
import { ViewerSettings } from '../models/ViewerSettings';
import { createResultView, messageView } from '../widgets/createResultView';

/** MIME renderers cannot require plugins: they share default chart settings. */
const defaultSettings = new ViewerSettings();

/** Renders a statistics or violations document from a notebook output or any MIME bundle. */
export class ResultRenderer extends Panel implements IRenderMime.IRenderer {
  constructor(private readonly _options: IRenderMime.IRendererOptions) {
    super();
    this.addClass('jp-ModelMonitor-mimeRenderer');
    this._trans = (_options.translator ?? nullTranslator).load('jupyterlab_model_monitor');
  }

  /** The current view (statistics, violations or a message). */
  get view(): Widget | null {
    return this._view;
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const data = model.data[this._options.mimeType];
    this._view?.dispose();
    const parsed = classifyDocument(data);
    this._view =
      parsed.kind === 'unknown'
        ? messageView(this._trans.__('This output is not a Model Monitor document.'))
        : createResultView(parsed, { settings: defaultSettings, trans: this._trans });
    this.addWidget(this._view);
  }

  private _trans: TranslationBundle;
  private _view: Widget | null = null;
}
