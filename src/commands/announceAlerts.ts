import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { Alert } from '../api/types';
import { MUTE_HOURS } from '../widgets/AlertList';

/** More new alerts than this at once get one summary notification, not one each. */
const MAX_NOTIFICATIONS = 3;

/** What a notification's buttons ask for. */
export type AlertRequest = 'open' | 'open-results' | 'mute';

/**
 * Shows a JupyterLab notification for each new alert whose monitor wants one (and is not muted),
 * with buttons to act on it; a burst of alerts gets one notification that leads to the panel.
 */
export function announceAlerts(
  raised: readonly Alert[],
  act: (request: AlertRequest, alert: Alert) => void,
  showAlerts: () => void,
  trans: TranslationBundle
): void {
  const shown = raised.filter(alert => alert.notify && !alert.muted);
  if (shown.length > MAX_NOTIFICATIONS) {
    const failed = shown.some(alert => alert.kind === 'failed');
    Notification.emit(
      trans._n('%1 new Model Monitor alert', '%1 new Model Monitor alerts', shown.length),
      failed ? 'error' : 'warning',
      { autoClose: false, actions: [{ label: trans.__('Show alerts'), callback: showAlerts }] }
    );
    return;
  }
  for (const alert of shown) {
    const mute = { label: trans.__('Mute %1 h', MUTE_HOURS), callback: () => act('mute', alert) };
    const actions =
      alert.kind === 'failed'
        ? [{ label: trans.__('Show run'), callback: () => act('open', alert) }, mute]
        : [
            { label: trans.__('Compare with baseline'), callback: () => act('open', alert) },
            { label: trans.__('Open results'), callback: () => act('open-results', alert) },
            mute
          ];
    Notification.emit(alert.message, alert.kind === 'failed' ? 'error' : 'warning', {
      autoClose: false,
      actions
    });
  }
}
