import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { fetchMetrics } from '../api/monitors';
import { MonitorsModel } from '../models/MonitorsModel';
import { modelMonitorIcon } from '../widgets/icons';
import { MetricHistoryView } from '../widgets/MetricHistoryView';

/** Opens a monitor's metric history in the main area. */
export async function showMetrics(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  monitorId: string,
  trans: TranslationBundle
): Promise<MainAreaWidget<MetricHistoryView> | null> {
  const name = model.monitors.find(m => m.id === monitorId)?.name ?? monitorId;
  try {
    const history = await fetchMetrics(monitorId);
    if (!history) {
      await showErrorMessage(
        trans.__('Metric history'),
        trans.__('This Model Monitor server does not record metrics yet: update it.')
      );
      return null;
    }
    const widget = new MainAreaWidget({ content: new MetricHistoryView(history, trans) });
    widget.id = `jp-ModelMonitor-metrics-${monitorId}-${Date.now()}`;
    widget.title.label = trans.__('%1 metrics', name);
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    app.shell.add(widget, 'main');
    return widget;
  } catch (error) {
    await showErrorMessage(trans.__('Metric history'), String((error as Error)?.message ?? error));
    return null;
  }
}
