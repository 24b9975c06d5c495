import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { Monitor } from '../api/types';
import { MonitorsModel } from '../models/MonitorsModel';
import { ScheduleFormValues, emptyScheduleForm, toMonitorCreate } from '../models/scheduleForm';
import { askForSchedule } from './scheduleDialog';

/** The create-schedule form; `initial` holds the user's defaults (settings). */
export async function createSchedule(
  model: MonitorsModel,
  trans: TranslationBundle,
  initial: Partial<ScheduleFormValues> = {}
): Promise<Monitor | null> {
  const backends = await model.backends();
  const values: ScheduleFormValues = { ...emptyScheduleForm(backends[0].name), ...initial };
  if (!backends.some(backend => backend.name === values.backend)) {
    // A default backend (settings) this server does not offer.
    values.backend = backends[0].name;
  }
  const created = await askForSchedule(
    {
      title: trans.__('New monitoring schedule'),
      accept: trans.__('Create'),
      values,
      backends,
      save: form => model.create(toMonitorCreate(form))
    },
    trans
  );
  if (created) {
    Notification.success(trans.__('Monitor %1 created', created.name), { autoClose: 4000 });
  }
  return created;
}
