import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { CommandIds } from '../commandIds';
import { IModelMonitorPanel, IServerHealth } from '../tokens';
import { modelMonitorIcon } from '../widgets/icons';

/** Model Monitor commands, in the palette under "Model Monitor" (menus are in schema/commands.json). */
export const commandsPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-model-monitor:commands',
  description: 'Model Monitor commands in the palette.',
  autoStart: true,
  requires: [IModelMonitorPanel, IServerHealth],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    panel: IModelMonitorPanel,
    health: IServerHealth,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    app.commands.addCommand(CommandIds.openPanel, {
      label: trans.__('Open Model Monitor panel'),
      caption: trans.__('Show the Model Monitor panel in the left sidebar'),
      icon: args => (args.isPalette ? undefined : modelMonitorIcon),
      execute: () => {
        app.shell.activateById(panel.id);
        void health.ensure();
      }
    });
    palette?.addItem({ command: CommandIds.openPanel, category: trans.__('Model Monitor') });
  }
};
