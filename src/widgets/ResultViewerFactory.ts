import { ABCWidgetFactory, DocumentRegistry, DocumentWidget } from '@jupyterlab/docregistry';
import { Contents } from '@jupyterlab/services';
import { LabIcon } from '@jupyterlab/ui-components';

import { ResultViewOptions } from './createResultView';
import { ResultDocumentContent } from './ResultDocumentContent';
import { labelWithRun } from './resultTabTitle';

/** A result file's tab; it remembers its factory so the layout restorer can reopen it the same way. */
export class ResultDocumentWidget extends DocumentWidget<ResultDocumentContent> {
  constructor(
    options: DocumentWidget.IOptions<ResultDocumentContent>,
    readonly factoryName: string
  ) {
    super(options);
    this.addClass('jp-ModelMonitor-documentWidget');
    labelWithRun(this);
  }
}

/** Opens statistics and violations files as read-only Model Monitor views. */
export class ResultViewerFactory extends ABCWidgetFactory<ResultDocumentWidget> {
  constructor(
    options: DocumentRegistry.IWidgetFactoryOptions<ResultDocumentWidget>,
    private readonly _viewOptions: ResultViewOptions & {
      icon: LabIcon;
      contents?: Contents.IManager;
      compareRunFeature?: (path: string, feature: string) => void;
    }
  ) {
    super(options);
  }

  protected createNewWidget(context: DocumentRegistry.Context): ResultDocumentWidget {
    const content = new ResultDocumentContent(context, this._viewOptions);
    const widget = new ResultDocumentWidget({ content, context }, this.name);
    widget.title.icon = this._viewOptions.icon;
    return widget;
  }
}
