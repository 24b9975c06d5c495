import { JupyterFrontEndPlugin } from '@jupyterlab/application';

import { commandsPlugin } from './plugins/commands';
import { dataCommandsPlugin } from './plugins/dataCommands';
import { healthPlugin } from './plugins/health';
import { panelPlugin } from './plugins/panel';
import { settingsPlugin } from './plugins/settings';
import { viewersPlugin } from './plugins/viewers';

const plugins: JupyterFrontEndPlugin<any>[] = [
  healthPlugin,
  settingsPlugin,
  viewersPlugin,
  panelPlugin,
  commandsPlugin,
  dataCommandsPlugin
];

export default plugins;
