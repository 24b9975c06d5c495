import { JupyterFrontEnd } from '@jupyterlab/application';
import {
  Dialog,
  InputDialog,
  Notification,
  showDialog,
  showErrorMessage
} from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { CaptureSummarySource } from '../api/captures';
import { Execution, Monitor, RunWindow } from '../api/types';
import { CommandIds } from '../commandIds';
import { MonitorsModel } from '../models/MonitorsModel';
import { ERROR_AUTO_CLOSE_MS, monitorSubject, toast } from './toasts';
import { suggestedWindow, windowOf } from '../models/runWindow';
import { RunWindowForm } from '../widgets/RunWindowForm';
import { messageOf } from '../models/errorMessage';

/**
 * Runs a monitor now over its latest full window, with a notification that follows the run and
 * offers its results. Without a monitor id it asks which monitor to run.
 */
export async function runMonitorNow(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  monitorId: string | undefined,
  trans: TranslationBundle
): Promise<Execution | null> {
  const monitor = await chooseMonitor(model, monitorId, trans);
  return monitor ? runAndNotify(app, model, monitor, undefined, trans) : null;
}

/**
 * Runs a monitor over a window the user gives, prefilled with the hours its captures cover, so
 * captures from the past (the demo's, a backfill) can be checked whatever today's date.
 */
export async function runMonitorOver(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  fetchSummary: CaptureSummarySource,
  monitorId: string | undefined,
  trans: TranslationBundle
): Promise<Execution | null> {
  const monitor = await chooseMonitor(model, monitorId, trans);
  if (!monitor) {
    return null;
  }
  const form = new RunWindowForm(
    trans,
    trans.__('Looking at the captures in %1…', monitor.dataset)
  );
  void fetchSummary(monitor.dataset)
    .then(summary => {
      const suggested = suggestedWindow(summary);
      const note = suggested
        ? trans.__('Prefilled with the hours the captures in %1 cover.', monitor.dataset)
        : trans.__('No capture times found in %1: enter the window.', monitor.dataset);
      form.suggest(suggested ?? form.getValue(), note);
    })
    .catch(() => form.suggest(form.getValue(), trans.__('Enter the window to run over.')));
  const answer = await showDialog({
    title: trans.__('Run %1 over…', monitor.name),
    body: form,
    buttons: [Dialog.cancelButton(), Dialog.okButton({ label: trans.__('Run') })]
  });
  if (!answer.button.accept || !answer.value) {
    return null;
  }
  const window = windowOf(answer.value);
  if ('error' in window) {
    await showErrorMessage(trans.__('Run %1 over…', monitor.name), trans.__(window.error));
    return null;
  }
  return runAndNotify(app, model, monitor, window, trans);
}

async function runAndNotify(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  monitor: Monitor,
  window: RunWindow | undefined,
  trans: TranslationBundle
): Promise<Execution | null> {
  const id = toast(
    monitorSubject(monitor.id),
    trans.__('Running %1…', monitor.name),
    'in-progress',
    {
      autoClose: false
    }
  );
  try {
    const started = await model.run(monitor.id, window);
    const cancel: Notification.IAction = {
      label: trans.__('Cancel run'),
      caption: trans.__('Stop the run; the results of earlier runs stay'),
      callback: event => {
        event.preventDefault(); // the toast stays, and tells how the run ended
        Notification.update({ id, message: trans.__('Cancelling %1…', monitor.name), actions: [] });
        model
          .cancel(started.id)
          .catch(error => console.warn('Model Monitor: cancel failed', error));
      }
    };
    Notification.update({ id, message: trans.__('Running %1…', monitor.name), actions: [cancel] });
    const ended = await model.follow(started);
    notifyEnded(app, id, monitor, ended, trans);
    return ended;
  } catch (error) {
    // A ModelMonitorApiError's message is already the server's `message`.
    const message = messageOf(error);
    Notification.update({
      id,
      message: trans.__('%1 could not run: %2', monitor.name, message),
      type: 'error',
      autoClose: ERROR_AUTO_CLOSE_MS
    });
    return null;
  }
}

function notifyEnded(
  app: JupyterFrontEnd,
  id: string,
  monitor: Monitor,
  execution: Execution,
  trans: TranslationBundle
): void {
  const openAction = {
    label: trans.__('Open results'),
    callback: () => void app.commands.execute(CommandIds.openResults, { executionId: execution.id })
  };
  switch (execution.state) {
    case 'completed':
      Notification.update({
        id,
        message: trans.__('%1: no violations', monitor.name),
        type: 'success',
        autoClose: 5000,
        actions: [openAction]
      });
      return;
    case 'completed_with_violations':
      Notification.update({
        id,
        // A segmented run's count is the whole run's: its message names the segments too.
        message: execution.segments?.with_violations.length
          ? trans.__('%1: %2', monitor.name, execution.message ?? '')
          : trans._n(
              '%2: %1 violation',
              '%2: %1 violations',
              execution.violations ?? 0,
              monitor.name
            ),
        type: 'warning',
        autoClose: false,
        actions: [openAction]
      });
      return;
    default:
      Notification.update({
        id,
        message: trans.__('%1 failed: %2', monitor.name, execution.message ?? execution.state),
        type: 'error',
        autoClose: ERROR_AUTO_CLOSE_MS
      });
  }
}

async function chooseMonitor(
  model: MonitorsModel,
  monitorId: string | undefined,
  trans: TranslationBundle
): Promise<Monitor | null> {
  if (!model.loaded) {
    await model.reload();
  }
  if (monitorId) {
    return model.monitors.find(m => m.id === monitorId) ?? null;
  }
  const names = model.monitors.map(m => m.name);
  if (names.length === 0) {
    Notification.info(trans.__('No monitors yet: create a schedule first.'), { autoClose: 5000 });
    return null;
  }
  const answer = await InputDialog.getItem({ title: trans.__('Run a monitor now'), items: names });
  return answer.button.accept ? (model.monitors.find(m => m.name === answer.value) ?? null) : null;
}
