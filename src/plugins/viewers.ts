import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import { DocumentRegistry, DocumentWidget } from '@jupyterlab/docregistry';
import { ITranslator, TranslationBundle, nullTranslator } from '@jupyterlab/translation';

import {
  CONSTRAINTS_FILE_PATTERN,
  STATISTICS_FILE_PATTERN,
  VIOLATIONS_FILE_PATTERN
} from '../models/resultFilePatterns';
import { ViewerSettings } from '../models/ViewerSettings';
import { CommandIds } from '../commandIds';
import { IViewerSettings } from '../tokens';
import {
  ConstraintsDocumentWidget,
  ConstraintsEditorFactory
} from '../widgets/ConstraintsEditorFactory';
import { modelMonitorIcon } from '../widgets/icons';
import { compareRunFeature } from '../commands/compareRunFeature';
import { ResultDocumentWidget, ResultViewerFactory } from '../widgets/ResultViewerFactory';

export const STATISTICS_FILE_TYPE = 'model-monitor-statistics';
export const VIOLATIONS_FILE_TYPE = 'model-monitor-violations';
export const STATISTICS_FACTORY = 'Model Monitor Statistics';
export const VIOLATIONS_FACTORY = 'Model Monitor Violations';
export const CONSTRAINTS_FILE_TYPE = 'model-monitor-constraints';
export const CONSTRAINTS_FACTORY = 'Model Monitor Constraints';

/**
 * Files named *statistics*.json and *constraint_violations*.json open in Model Monitor views;
 * any other JSON file keeps its default editor but offers both views under "Open With".
 * Files named *constraints*.json open in the constraints form, which edits them.
 */
export const viewersPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-model-monitor:viewers',
  description: 'Viewers for statistics.json and constraint_violations.json.',
  autoStart: true,
  requires: [IViewerSettings],
  optional: [ITranslator, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    settings: ViewerSettings,
    translator: ITranslator | null,
    restorer: ILayoutRestorer | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    addFileTypes(app.docRegistry, trans);
    const tracker = new WidgetTracker<ResultDocumentWidget>({ namespace: 'model-monitor-results' });
    const factories = [
      createFactory(STATISTICS_FACTORY, trans.__('Model Monitor Statistics'), STATISTICS_FILE_TYPE),
      createFactory(VIOLATIONS_FACTORY, trans.__('Model Monitor Violations'), VIOLATIONS_FILE_TYPE)
    ];
    addTrackedFactories(app, factories, tracker, restorer);
    addConstraintsEditor(app, trans, settings, restorer);

    function createFactory(name: string, label: string, fileType: string) {
      return new ResultViewerFactory(
        { name, label, fileTypes: [fileType, 'json'], defaultFor: [fileType], readOnly: true },
        {
          settings,
          trans,
          icon: modelMonitorIcon,
          contents: app.serviceManager.contents,
          compareRunFeature: (path, feature) => void compareRunFeature(app, path, feature)
        }
      );
    }
  }
};

function addConstraintsEditor(
  app: JupyterFrontEnd,
  trans: TranslationBundle,
  settings: ViewerSettings,
  restorer: ILayoutRestorer | null
): void {
  const tracker = new WidgetTracker<ConstraintsDocumentWidget>({
    namespace: 'model-monitor-constraints'
  });
  const factory = new ConstraintsEditorFactory(
    {
      name: CONSTRAINTS_FACTORY,
      label: trans.__('Model Monitor Constraints'),
      fileTypes: [CONSTRAINTS_FILE_TYPE, 'json'],
      defaultFor: [CONSTRAINTS_FILE_TYPE]
    },
    { trans, icon: modelMonitorIcon, settings }
  );
  factory.widgetCreated.connect((_, widget) =>
    widget.content.whatIfRequested.connect(
      (_, request) => void app.commands.execute(CommandIds.whatIfThresholds, { ...request })
    )
  );
  addTrackedFactories(app, [factory], tracker, restorer);
}

/**
 * Registers document widget factories whose widgets `tracker` follows (renamed files included) and
 * the layout restorer reopens.
 */
function addTrackedFactories<T extends DocumentWidget & { readonly factoryName: string }>(
  app: JupyterFrontEnd,
  factories: DocumentRegistry.IWidgetFactory<T, DocumentRegistry.IModel>[],
  tracker: WidgetTracker<T>,
  restorer: ILayoutRestorer | null
): void {
  for (const factory of factories) {
    factory.widgetCreated.connect((_, widget) => {
      widget.context.pathChanged.connect(() => void tracker.save(widget));
      void tracker.add(widget);
    });
    app.docRegistry.addWidgetFactory(factory);
  }
  restorer?.restore(tracker, {
    command: 'docmanager:open',
    args: widget => ({ path: widget.context.path, factory: widget.factoryName }),
    name: widget => `${widget.factoryName}:${widget.context.path}`
  });
}

function addFileTypes(registry: DocumentRegistry, trans: TranslationBundle): void {
  const common = {
    extensions: [],
    mimeTypes: ['application/json'],
    contentType: 'file' as const,
    fileFormat: 'text' as const,
    icon: modelMonitorIcon
  };
  registry.addFileType({
    ...common,
    name: STATISTICS_FILE_TYPE,
    displayName: trans.__('Model Monitor statistics'),
    pattern: STATISTICS_FILE_PATTERN
  });
  registry.addFileType({
    ...common,
    name: VIOLATIONS_FILE_TYPE,
    displayName: trans.__('Model Monitor constraint violations'),
    pattern: VIOLATIONS_FILE_PATTERN
  });
  registry.addFileType({
    ...common,
    name: CONSTRAINTS_FILE_TYPE,
    displayName: trans.__('Model Monitor constraints'),
    pattern: CONSTRAINTS_FILE_PATTERN
  });
}
