import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { Monitor } from '../api/types';
import { MonitorsModel } from '../models/MonitorsModel';
import { scheduleFormOf, toMonitorPatch } from '../models/scheduleForm';
import { askForSchedule } from './scheduleDialog';

/** The schedule form filled from a monitor; "Save" sends only what changed with PATCH. */
export async function editMonitor(
  model: MonitorsModel,
  monitor: Monitor,
  trans: TranslationBundle
): Promise<Monitor | null> {
  const saved = await askForSchedule(
    {
      title: trans.__('Edit monitor %1', monitor.name),
      accept: trans.__('Save'),
      values: scheduleFormOf(monitor),
      backends: await model.backends(),
      save: form => {
        const patch = toMonitorPatch(monitor, form);
        return Object.keys(patch).length
          ? model.update(monitor.id, patch)
          : Promise.resolve(monitor);
      }
    },
    trans
  );
  if (saved) {
    Notification.success(trans.__('Monitor %1 saved', saved.name), { autoClose: 4000 });
  }
  return saved;
}
