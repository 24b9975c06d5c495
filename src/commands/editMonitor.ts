import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { ModelMonitorApiError } from '../api/errors';
import { updateMonitor } from '../api/monitors';
import { Monitor } from '../api/types';
import { MonitorsModel } from '../models/MonitorsModel';
import {
  formFieldOf,
  scheduleFormOf,
  ScheduleFormErrors,
  ScheduleFormValues,
  toMonitorPatch,
  validateScheduleForm
} from '../models/scheduleForm';
import { ScheduleForm } from '../widgets/ScheduleForm';
import { availableBackends } from './createSchedule';
import { messageOf } from '../models/errorMessage';

/**
 * The schedule form filled from a monitor; "Save" sends only what changed with PATCH. As with
 * creating, a refused form opens again with the user's values and the error by its field.
 */
export async function editMonitor(
  model: MonitorsModel,
  monitor: Monitor,
  trans: TranslationBundle
): Promise<Monitor | null> {
  const backends = await availableBackends();
  let values: ScheduleFormValues = scheduleFormOf(monitor);
  let errors: ScheduleFormErrors = {};
  for (;;) {
    const answer = await showDialog({
      title: trans.__('Edit monitor %1', monitor.name),
      body: new ScheduleForm(values, errors, backends, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Save') })
      ],
      focusNodeSelector: Object.keys(errors).length ? '[aria-invalid="true"]' : 'input[name="name"]'
    });
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    errors = validateScheduleForm(values, trans);
    if (Object.keys(errors).length === 0) {
      const saved = await save(monitor, values);
      if ('monitor' in saved) {
        await model.reload();
        Notification.success(trans.__('Monitor %1 saved', saved.monitor.name), {
          autoClose: 4000
        });
        return saved.monitor;
      }
      errors = saved.errors;
    }
  }
}

async function save(
  monitor: Monitor,
  values: ScheduleFormValues
): Promise<{ monitor: Monitor } | { errors: ScheduleFormErrors }> {
  const patch = toMonitorPatch(monitor, values);
  if (Object.keys(patch).length === 0) {
    return { monitor };
  }
  try {
    return { monitor: await updateMonitor(monitor.id, patch) };
  } catch (error) {
    if (error instanceof ModelMonitorApiError && (error.status === 400 || error.status === 409)) {
      const field = (error.body as { field?: string | null } | undefined)?.field;
      return { errors: { [formFieldOf(field)]: error.message } };
    }
    return { errors: { form: messageOf(error) } };
  }
}
