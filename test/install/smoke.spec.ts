/**
 * Smoke test of the installed wheel in a real JupyterLab or Jupyter Notebook 7 (SMOKE_APP), started
 * by test/install/test_fresh_environments.py from a fresh virtual environment: the Model Monitor menu
 * and, in Lab, the side panel appear; no plugin of ours fails and no shared package is unsatisfied.
 * What the empty panel tells the user to type is written to SMOKE_OUT for the terminal check.
 */
import { ConsoleMessage, expect, Page, test } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

const APP = process.env.SMOKE_APP ?? 'lab';
const OUT = process.env.SMOKE_OUT ?? path.resolve(__dirname, '../../test-results/install');
const OURS = /model[-_ ]?monitor/i;
const TOKEN = `?token=${process.env.SMOKE_TOKEN ?? ''}`;

/**
 * Problems of ours: errors naming us or thrown from our bundle, plugins of ours failing to activate,
 * shared packages whose version we require and the page does not have. (Notebook 7.6 throws a
 * settings error of its own on every page, with or without this extension.)
 */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    const unsatisfied = /Unsatisfied version/.test(text);
    if (unsatisfied || (message.type() === 'error' && OURS.test(text))) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  page.on('pageerror', error => {
    const text = `${error.message}\n${error.stack ?? ''}`;
    if (OURS.test(text)) {
      problems.push(`page error: ${text}`);
    }
  });
  return problems;
}

async function expectModelMonitorMenu(page: Page): Promise<void> {
  const menu = page.locator('.lm-MenuBar-itemLabel', { hasText: 'Model Monitor' });
  await expect(menu).toBeVisible({ timeout: 60_000 });
  await menu.click();
  await expect(page.locator('.lm-Menu-itemLabel', { hasText: 'Build Baseline' })).toBeVisible();
  await page.keyboard.press('Escape');
}

test('the extension loads cleanly', async ({ page }) => {
  const problems = collectProblems(page);
  fs.mkdirSync(OUT, { recursive: true });
  if (APP === 'notebook') {
    await page.goto(`tree${TOKEN}`);
    await expect(page.locator('.jp-DirListing-content')).toBeVisible({ timeout: 60_000 });
    await expectModelMonitorMenu(page);
    await page.goto('edit/stats/statistics.json');
    await expect(page.locator('.jp-ModelMonitor-statisticsView')).toBeVisible({
      timeout: 60_000
    });
  } else {
    await page.goto(`lab${TOKEN}`);
    await expect(page.locator('#jp-main-dock-panel')).toBeVisible({ timeout: 60_000 });
    await expectModelMonitorMenu(page);
    const tab = page.locator('.jp-SideBar [data-id="jp-ModelMonitor-sidePanel"]');
    if ((await tab.getAttribute('aria-selected')) !== 'true') {
      await tab.click();
    }
    const command = page.locator('#jp-ModelMonitor-sidePanel .jp-ModelMonitor-emptyState code');
    await expect(command).toBeVisible({ timeout: 30_000 });
    fs.writeFileSync(path.join(OUT, 'panel-command.txt'), (await command.textContent()) ?? '');
  }
  await page.screenshot({ path: path.join(OUT, `${APP}.png`) });
  await page.waitForTimeout(1000); // late activation errors
  expect(problems).toEqual([]);
});
