/** Drives JupyterLab's real dialogs in jsdom as a user would: fill in, click a button. */
import { Dialog, Notification } from '@jupyterlab/apputils';

/**
 * The dialog on the page, once it is open and drawn. Its header and body are React widgets,
 * rendered after the dialog is attached: a test that reads the dialog as soon as it is attached
 * may find them empty (seen under load in CI).
 */
export async function openedDialog(): Promise<HTMLElement> {
  for (let tries = 0; tries < 400; tries++) {
    const dialog = Dialog.tracker.currentWidget;
    if (dialog && dialog.isAttached) {
      await dialog.ready;
      if (dialog.node.querySelector('.jp-Dialog-header')?.textContent) {
        return dialog.node;
      }
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  throw new Error('no dialog opened');
}

/** Types into the named inputs (and picks options of the named selects). */
export function fill(dialog: HTMLElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = dialog.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!input) {
      throw new Error(`no field ${name}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export function press(dialog: HTMLElement, label: string): void {
  const button = [...dialog.querySelectorAll<HTMLButtonElement>('.jp-Dialog-button')].find(
    node => node.textContent === label
  );
  if (!button) {
    throw new Error(`no button ${label}`);
  }
  button.click();
}

/** The error shown under a field ('form': at the top of the form); null when none is. */
export function errorOf(dialog: HTMLElement, field: string): string | null {
  const line = dialog.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  return line && !line.hidden ? line.textContent : null;
}

/** The notifications shown, as [message, type]. */
export function notifications(): [string, string][] {
  return Notification.manager.notifications.map(n => [n.message, n.type]);
}

/**
 * Cancels the dialogs a (failed) test left open, as dialogs queue behind an open one; unlike
 * Dialog.flush() this resolves their promises rather than rejecting them.
 */
export function closeAll(): void {
  Dialog.tracker.forEach(dialog => dialog.reject());
  Notification.dismiss();
}
