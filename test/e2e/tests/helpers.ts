import { IJupyterLabPageFixture } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';
import * as path from 'path';

export const FIXTURES = path.resolve(__dirname, '../fixtures/results');
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/** Uploads the fixture results next to the test's files and shows them in the file browser. */
export async function openResultsFolder(page: IJupyterLabPageFixture, tmpPath: string) {
  await page.contents.uploadDirectory(FIXTURES, `${tmpPath}/results`);
  await page.filebrowser.openDirectory(`${tmpPath}/results`);
}

/** The file browser entry of a file in the current folder. */
export function fileItem(page: IJupyterLabPageFixture, name: string): Locator {
  return page.locator('.jp-DirListing-item', {
    has: page.locator('.jp-DirListing-itemText', { hasText: new RegExp(`^${name}$`) })
  });
}

/** The README's picture of the main views, rewritten by every Galata run so it stays current. */
export const README_SCREENSHOT = path.resolve(__dirname, '../../../docs/images/model-monitor.png');

export async function screenshot(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Fails the test if any page script opens an alert (e.g. injected HTML running). */
export function forbidAlerts(page: IJupyterLabPageFixture): string[] {
  const alerts: string[] = [];
  page.on('dialog', dialog => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  return alerts;
}

/** Calls the server's REST API with the page's token; returns the JSON answer. */
export async function rest(
  page: import('@jupyterlab/galata').IJupyterLabPageFixture,
  method: string,
  route: string,
  body?: unknown
): Promise<any> {
  return page.evaluate(
    async ({ method, route, body }) => {
      const settings = (window as any).jupyterapp.serviceManager.serverSettings;
      const response = await fetch(`${settings.baseUrl}model-monitor/${route}`, {
        method,
        headers: { Authorization: `token ${settings.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      if (!response.ok) {
        throw new Error(`${response.status} ${await response.text()}`);
      }
      return response.status === 204 ? null : response.json();
    },
    { method, route, body }
  );
}
