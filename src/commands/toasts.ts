import { Notification } from '@jupyterlab/apputils';

/**
 * How long an error stays on screen. It stays listed, with its actions, in JupyterLab's
 * notification center (the bell in the status bar), so closing it loses nothing.
 */
export const ERROR_AUTO_CLOSE_MS = 15_000;

type ToastType = Exclude<Notification.TypeOptions, 'default'>;

interface ToastOptions {
  autoClose?: number | false;
  actions?: Notification.IAction[];
}

/** The notification shown for each subject (a monitor, a baseline, the alerts). */
const shownFor = new Map<string, string>();

/**
 * Shows `message` as the one notification of `subject`: while the subject's last one is still
 * there it is updated in place, so repeated runs, retries and failures do not pile up over the
 * views. Returns its id, for later updates.
 */
export function toast(
  subject: string,
  message: string,
  type: ToastType,
  options: ToastOptions = {}
): string {
  const { autoClose = type === 'error' ? ERROR_AUTO_CLOSE_MS : 5000, actions = [] } = options;
  const shown = shownFor.get(subject);
  if (shown !== undefined && Notification.manager.has(shown)) {
    Notification.update({ id: shown, message, type, autoClose, actions });
    return shown;
  }
  const id = Notification.emit(message, type, { autoClose, actions });
  shownFor.set(subject, id);
  return id;
}

/** An error of `subject`, from a caught value. */
export function toastError(subject: string, message: string, actions?: Notification.IAction[]) {
  return toast(subject, message, 'error', { actions });
}

/** The subject of a monitor's notifications. */
export function monitorSubject(monitorId: string): string {
  return `monitor:${monitorId}`;
}
