import { ActivityMonitor, PathExt } from '@jupyterlab/coreutils';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import { Contents } from '@jupyterlab/services';
import { Panel, Widget } from '@lumino/widgets';

import { parseDocumentText } from '../models/parseDocuments';
import { ResultViewOptions, createResultView } from './createResultView';

/** How long the file must stay unchanged before the view is rebuilt. */
const RENDER_TIMEOUT = 500;

/** The body of a result file's tab: rebuilt from the file's text whenever the file changes. */
export class ResultDocumentContent extends Panel {
  constructor(
    private readonly _context: DocumentRegistry.Context,
    private readonly _options: ResultViewOptions & {
      contents?: Contents.IManager;
      /** Opens feature `feature` of the run whose result file is at `path` in a comparison. */
      compareRunFeature?: (path: string, feature: string) => void;
    }
  ) {
    super();
    this.addClass('jp-ModelMonitor-document');
    this._monitor = new ActivityMonitor({
      signal: _context.model.contentChanged,
      timeout: RENDER_TIMEOUT
    });
    void _context.ready.then(() => {
      if (!this.isDisposed) {
        this._render();
        this._monitor.activityStopped.connect(this._render, this);
      }
    });
  }

  /** The current view (statistics, violations or a message). */
  get view(): Widget | null {
    return this._view;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._monitor.dispose();
    super.dispose();
  }

  /** Rebuilds the view when the text changed, so a reload that changes nothing keeps the selection. */
  private _render(): void {
    const text = this._context.model.toString();
    if (this._view && text === this._renderedText) {
      return;
    }
    this._renderedText = text;
    this._view?.dispose();
    this._view = createResultView(parseDocumentText(text), {
      ...this._options,
      readSibling: name => this._readSibling(name),
      compareFeature: this._options.compareRunFeature
        ? feature => this._options.compareRunFeature!(this._context.path, feature)
        : undefined
    });
    this.addWidget(this._view);
  }

  /** A JSON file in the same folder, or null when it is absent or not JSON. */
  private async _readSibling(name: string): Promise<unknown> {
    const contents = this._options.contents;
    if (!contents) {
      return null;
    }
    const path = PathExt.join(PathExt.dirname(this._context.path), name);
    try {
      const model = await contents.get(path, { content: true, format: 'text', type: 'file' });
      return JSON.parse(String(model.content));
    } catch {
      return null;
    }
  }

  private _monitor: ActivityMonitor<DocumentRegistry.IModel, void>;
  private _view: Widget | null = null;
  private _renderedText = '';
}
