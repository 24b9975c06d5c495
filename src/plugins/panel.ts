import { ILayoutRestorer, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { ITranslator, TranslationBundle, nullTranslator } from '@jupyterlab/translation';

import * as alertsApi from '../api/alerts';
import * as api from '../api/monitors';
import { Alert } from '../api/types';
import { CommandIds } from '../commandIds';
import { AlertRequest, announceAlerts } from '../commands/announceAlerts';
import { editMonitor } from '../commands/editMonitor';
import { AlertsModel } from '../models/AlertsModel';
import { hasResults } from '../models/monitorStatus';
import { MonitorsModel } from '../models/MonitorsModel';
import { ResultFilesModel } from '../models/ResultFilesModel';
import { IModelMonitorPanel, IServerHealth } from '../tokens';
import { AlertAction, MUTE_HOURS } from '../widgets/AlertList';
import { formatTime } from '../widgets/format';
import { MonitorAction } from '../widgets/MonitorList';
import { SIDE_PANEL_ID, SidePanel } from '../widgets/SidePanel';
import { monitorSubject, toastError } from '../commands/toasts';
import { messageOf } from '../models/errorMessage';

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
    // Alerts are followed whether or not the panel is shown: they must reach the user.
    const alerts = new AlertsModel(alertsApi);
    const panel: SidePanel = new SidePanel(resultFiles, monitors, alerts, trans);
    const onAlert = (action: AlertAction | { kind: AlertRequest; alert: Alert }) =>
      void carryOutAlert(app, monitors, alerts, action, trans);
    panel.alertActionRequested.connect((_, action) => onAlert(action));
    // A run started here already reports how it ended: its alert is listed, not announced again.
    alerts.raised.connect((_, raised) =>
      announceAlerts(
        raised.filter(alert => !monitors.startedHere(alert.execution_id)),
        (request: AlertRequest, alert: Alert) => onAlert({ kind: request, alert }),
        () => app.shell.activateById(panel.id),
        trans
      )
    );
    panel.firstShown.connect(() => void health.ensure());
    panel.openRequested.connect((_, path) => {
      void app.commands.execute('docmanager:open', { path });
    });
    panel.createRequested.connect(() => void app.commands.execute(CommandIds.createSchedule));
    panel.actionRequested.connect((_, action) => void carryOut(app, monitors, action, trans));
    app.shell.add(panel, 'left', { rank: 600 });
    restorer?.add(panel, 'model-monitor-panel');
    return { id: panel.id, monitors, alerts };
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
    toastError(monitorSubject(monitor.id), trans.__('%1: %2', monitor.name, messageOf(error)));
  }
}

/** Carries out what the user asked of an alert, in the list or in its notification. */
async function carryOutAlert(
  app: JupyterFrontEnd,
  monitors: MonitorsModel,
  alerts: AlertsModel,
  action: AlertAction | { kind: AlertRequest; alert: Alert },
  trans: TranslationBundle
): Promise<void> {
  try {
    if (action.kind === 'acknowledge-all') {
      await alerts.acknowledgeAll();
      return;
    }
    const { alert } = action;
    switch (action.kind) {
      case 'acknowledge':
        await alerts.acknowledge([alert.id]);
        return;
      case 'mute':
      case 'unmute': {
        const muted = await alerts.mute(
          alert.monitor_id,
          action.kind === 'mute' ? MUTE_HOURS : null
        );
        await monitors.reload();
        const text = muted.muted_until
          ? trans.__('%1: no notifications until %2', muted.name, formatTime(muted.muted_until))
          : trans.__('%1: notifications on again', muted.name);
        Notification.info(text, { autoClose: 4000 });
        return;
      }
      default:
        await openAlert(app, monitors, alert, action.kind === 'open-results', trans);
        await alerts.acknowledge([alert.id]);
    }
  } catch (error) {
    toastError('alerts', messageOf(error));
  }
}

/**
 * Opens what an alert is about: its run compared with the baseline (or its results), or, for a
 * failed run, the monitor's runs in the panel.
 */
async function openAlert(
  app: JupyterFrontEnd,
  monitors: MonitorsModel,
  alert: Alert,
  resultsOnly: boolean,
  trans: TranslationBundle
): Promise<void> {
  let monitor = monitors.monitors.find(m => m.id === alert.monitor_id);
  if (!monitor) {
    await monitors.reload(); // the panel may never have been shown
    monitor = monitors.monitors.find(m => m.id === alert.monitor_id);
  }
  if (!monitor) {
    throw new Error(trans.__('The monitor of this alert was deleted.'));
  }
  const execution = alert.execution_id ? await monitors.fetchExecution(alert.execution_id) : null;
  if (!execution || !hasResults(execution)) {
    app.shell.activateById(SIDE_PANEL_ID);
    if (!monitors.isExpanded(monitor.id)) {
      monitors.toggleExpanded(monitor.id);
    }
    return;
  }
  const kind = resultsOnly ? 'open-results' : 'compare';
  await carryOut(app, monitors, { kind, monitor, execution }, trans);
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
