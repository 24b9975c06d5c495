import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { ModelMonitorApiError } from '../api/errors';
import { createMonitor, listBackends } from '../api/monitors';
import { Backend, Monitor } from '../api/types';
import { MonitorsModel } from '../models/MonitorsModel';
import {
  ScheduleFormErrors,
  ScheduleFormValues,
  emptyScheduleForm,
  formFieldOf,
  toMonitorCreate,
  validateScheduleForm
} from '../models/scheduleForm';
import { ScheduleForm } from '../widgets/ScheduleForm';
import { messageOf } from '../models/errorMessage';

/**
 * The create-schedule form. A dialog closes on "Create", so when the browser's checks or the
 * server's 400 find a problem the form opens again with the user's values and the error next to
 * its field.
 */
export async function createSchedule(
  model: MonitorsModel,
  trans: TranslationBundle,
  initial: Partial<ScheduleFormValues> = {}
): Promise<Monitor | null> {
  const backends = await availableBackends();
  let values: ScheduleFormValues = { ...emptyScheduleForm(backends[0].name), ...initial };
  if (!backends.some(backend => backend.name === values.backend)) {
    // A default backend (settings) this server does not offer.
    values.backend = backends[0].name;
  }
  let errors: ScheduleFormErrors = {};
  for (;;) {
    const answer = await showDialog({
      title: trans.__('New monitoring schedule'),
      body: new ScheduleForm(values, errors, backends, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Create') })
      ],
      focusNodeSelector: Object.keys(errors).length ? '[aria-invalid="true"]' : 'input[name="name"]'
    });
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    errors = validateScheduleForm(values, trans);
    if (Object.keys(errors).length === 0) {
      const created = await submit(values);
      if ('monitor' in created) {
        await model.reload();
        Notification.success(trans.__('Monitor %1 created', created.monitor.name), {
          autoClose: 4000
        });
        return created.monitor;
      }
      errors = created.errors;
    }
  }
}

async function submit(
  values: ScheduleFormValues
): Promise<{ monitor: Monitor } | { errors: ScheduleFormErrors }> {
  try {
    return { monitor: await createMonitor(toMonitorCreate(values)) };
  } catch (error) {
    if (error instanceof ModelMonitorApiError && (error.status === 400 || error.status === 409)) {
      const field = (error.body as { field?: string | null } | undefined)?.field;
      return { errors: { [formFieldOf(field)]: error.message } };
    }
    return { errors: { form: messageOf(error) } };
  }
}

/** The server's backends; just `local` when it predates GET /backends. */
export async function availableBackends(): Promise<Backend[]> {
  try {
    const backends = await listBackends();
    if (backends.length) {
      return backends;
    }
  } catch (error) {
    if (!(error instanceof ModelMonitorApiError && error.status === 404)) {
      console.warn('Model Monitor: could not list backends', error);
    }
  }
  return [{ name: 'local', available: true, reason: null }];
}
