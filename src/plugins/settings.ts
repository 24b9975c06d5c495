import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { IViewerSettingsValues, ViewerSettings } from '../models/ViewerSettings';
import { IViewerSettings } from '../tokens';

const PLUGIN_ID = 'jupyterlab-model-monitor:charts';

/** Provides the chart settings of schema/charts.json, kept up to date with the user's edits. */
export const settingsPlugin: JupyterFrontEndPlugin<ViewerSettings> = {
  id: PLUGIN_ID,
  description: 'Chart settings of the Model Monitor result views.',
  autoStart: true,
  provides: IViewerSettings,
  optional: [ISettingRegistry],
  activate: (_app, registry: ISettingRegistry | null): ViewerSettings => {
    const settings = new ViewerSettings();
    if (registry) {
      void registry
        .load(PLUGIN_ID)
        .then(loaded => {
          const apply = () =>
            settings.update(loaded.composite as unknown as Partial<IViewerSettingsValues>);
          apply();
          loaded.changed.connect(apply);
        })
        .catch(reason => console.error('Model Monitor: settings failed to load', reason));
    }
    return settings;
  }
};
