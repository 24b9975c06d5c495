/**
 * Notifications do not pile up (#18 item 19): one per subject, updated in place while shown;
 * errors close themselves and stay in the notification center. The real JupyterLab manager.
 */
import { Notification } from '@jupyterlab/apputils';

import {
  ERROR_AUTO_CLOSE_MS,
  monitorSubject,
  toast,
  toastError
} from '../../../src/commands/toasts';

afterEach(() => Notification.dismiss());

function shown() {
  return Notification.manager.notifications.map(n => [n.message, n.type, n.options.autoClose]);
}

describe('toasts', () => {
  it('keep one notification per subject, the newest message in it', () => {
    toastError(monitorSubject('a'), 'churn: the engine failed');
    toastError(monitorSubject('a'), 'churn: the engine failed again');
    toast(monitorSubject('b'), 'Running fraud…', 'in-progress', { autoClose: false });
    expect(shown()).toEqual(
      expect.arrayContaining([
        ['churn: the engine failed again', 'error', ERROR_AUTO_CLOSE_MS],
        ['Running fraud…', 'in-progress', false]
      ])
    );
    expect(Notification.manager.count).toBe(2);
  });

  it('turn a subject’s progress into its outcome, and start anew once it was dismissed', () => {
    const running = toast(monitorSubject('c'), 'Running churn…', 'in-progress', {
      autoClose: false
    });
    expect(toast(monitorSubject('c'), 'churn: no violations', 'success')).toBe(running);
    expect(shown()).toEqual([['churn: no violations', 'success', 5000]]);
    Notification.dismiss(running);
    const next = toastError(monitorSubject('c'), 'churn could not run');
    expect(next).not.toBe(running);
    expect(Notification.manager.count).toBe(1);
  });
});
