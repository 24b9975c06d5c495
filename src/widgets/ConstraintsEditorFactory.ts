import { ABCWidgetFactory, DocumentRegistry, DocumentWidget } from '@jupyterlab/docregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { LabIcon } from '@jupyterlab/ui-components';

import { ViewerSettings } from '../models/ViewerSettings';
import { ConstraintsEditor } from './ConstraintsEditor';
import { labelWithRun } from './resultTabTitle';

/** A constraints.json tab; it remembers its factory so the layout restorer can reopen it. */
export class ConstraintsDocumentWidget extends DocumentWidget<ConstraintsEditor> {
  constructor(
    options: DocumentWidget.IOptions<ConstraintsEditor>,
    readonly factoryName: string
  ) {
    super(options);
    this.addClass('jp-ModelMonitor-documentWidget');
    labelWithRun(this);
  }
}

/** Opens constraints.json files in the constraints form, which edits the file's text. */
export class ConstraintsEditorFactory extends ABCWidgetFactory<ConstraintsDocumentWidget> {
  constructor(
    options: DocumentRegistry.IWidgetFactoryOptions<ConstraintsDocumentWidget>,
    private readonly _viewOptions: {
      trans: TranslationBundle;
      icon: LabIcon;
      settings: ViewerSettings;
    }
  ) {
    super(options);
  }

  protected createNewWidget(context: DocumentRegistry.Context): ConstraintsDocumentWidget {
    const content = new ConstraintsEditor(
      context,
      this._viewOptions.trans,
      this._viewOptions.settings
    );
    const widget = new ConstraintsDocumentWidget({ content, context }, this.name);
    widget.title.icon = this._viewOptions.icon;
    return widget;
  }
}
