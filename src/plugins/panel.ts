import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { ITranslator, TranslationBundle, nullTranslator } from '@jupyterlab/translation';

import * as api from '../api/monitors';
import { CommandIds } from '../commandIds';
import { editMonitor } from '../commands/editMonitor';
import { MonitorsModel } from '../models/MonitorsModel';
import { ResultFilesModel } from '../models/resultFiles';
import { IModelMonitorPanel, IServerHealth } from '../tokens';
import { MonitorAction } from '../widgets/MonitorList';
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
    // The poll stands by while the panel is collapsed; showing it refreshes at once.
    const monitors: MonitorsModel = new MonitorsModel(api, (): boolean => panel.isVisible);
    const panel: SidePanel = new SidePanel(resultFiles, monitors, trans);
    panel.firstShown.connect(() => void health.ensure());
    panel.openRequested.connect((_, path) => {
      void app.commands.execute('docmanager:open', { path });
    });
    panel.createRequested.connect(() => void app.commands.execute(CommandIds.createSchedule));
    panel.actionRequested.connect((_, action) => void carryOut(app, monitors, action, trans));
    app.shell.add(panel, 'left', { rank: 600 });
    restorer?.add(panel, 'model-monitor-panel');
    return { id: panel.id, monitors };
  }
};

async function carryOut(
  app: JupyterFrontEnd,
  monitors: MonitorsModel,
  action: MonitorAction,
  trans: TranslationBundle
): Promise<void> {
  const { monitor } = action;
  try {
    switch (action.kind) {
      case 'run':
        await app.commands.execute(CommandIds.runMonitor, { monitorId: monitor.id });
        return;
      case 'run-over':
        await app.commands.execute(CommandIds.runMonitorOver, { monitorId: monitor.id });
        return;
      case 'open-results':
        await app.commands.execute(CommandIds.openResults, { folder: action.execution.output });
        return;
      case 'compare':
        if (monitor.monitor_type === 'model-quality') {
          // Metrics, not feature distributions: the run's metrics with the baseline's thresholds.
          await app.commands.execute(CommandIds.compareQuality, {
            statistics: `${action.execution.output}/statistics.json`,
            constraints: monitor.baseline_constraints,
            violations: `${action.execution.output}/constraint_violations.json`,
            label: trans.__('%1 vs baseline', monitor.name)
          });
          return;
        }
        await app.commands.execute(CommandIds.compareStatistics, {
          baseline: monitor.baseline_statistics,
          current: `${action.execution.output}/statistics.json`,
          violations: `${action.execution.output}/constraint_violations.json`,
          constraints: monitor.baseline_constraints,
          label: trans.__('%1 vs baseline', monitor.name)
        });
        return;
      case 'metrics':
        await app.commands.execute(CommandIds.showMetrics, { monitorId: monitor.id });
        return;
      case 'pause':
      case 'resume':
        await monitors.setEnabled(monitor.id, action.kind === 'resume');
        return;
      case 'edit':
        await editMonitor(monitors, monitor, trans);
        return;
      case 'delete':
        if (await confirmDelete(monitor.name, trans)) {
          await monitors.remove(monitor.id);
        }
        return;
    }
  } catch (error) {
    Notification.error(
      trans.__('%1: %2', monitor.name, String((error as Error)?.message ?? error)),
      {
        autoClose: false
      }
    );
  }
}

async function confirmDelete(name: string, trans: TranslationBundle): Promise<boolean> {
  const answer = await showDialog({
    title: trans.__('Delete monitor %1?', name),
    body: trans.__(
      'Its schedule and run history are deleted. Result files already written stay where they are.'
    ),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.warnButton({ label: trans.__('Delete') })
    ]
  });
  return answer.button.accept;
}
