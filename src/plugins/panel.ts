import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { ResultFilesModel } from '../models/resultFiles';
import { IModelMonitorPanel, IServerHealth } from '../tokens';
import { SidePanel } from '../widgets/SidePanel';

/** The Model Monitor panel in the left area, restored across reloads. */
export const panelPlugin: JupyterFrontEndPlugin<IModelMonitorPanel> = {
  id: 'jupyterlab-model-monitor:panel',
  description: 'The Model Monitor side panel.',
  autoStart: true,
  provides: IModelMonitorPanel,
  requires: [IServerHealth],
  optional: [ITranslator, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    health: IServerHealth,
    translator: ITranslator | null,
    restorer: ILayoutRestorer | null
  ): IModelMonitorPanel => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    const resultFiles = new ResultFilesModel(app.serviceManager.contents);
    const panel = new SidePanel(resultFiles, trans);
    panel.firstShown.connect(() => void health.ensure());
    panel.openRequested.connect((_, path) => {
      void app.commands.execute('docmanager:open', { path });
    });
    app.shell.add(panel, 'left', { rank: 600 });
    restorer?.add(panel, 'model-monitor-panel');
    return { id: panel.id };
  }
};
