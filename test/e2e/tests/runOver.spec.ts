import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { screenshot } from './helpers';

// #18 item 3: the demo's captures are dated when they were generated; "Run now" looks at the hours
// before now and finds nothing weeks later. "Run over…" runs over the hours the captures cover.
test('Run over… runs a monitor over the hours its captures cover', async ({ page, tmpPath }) => {
  const examples = path.resolve(__dirname, '../../../examples');
  const captures = path.join(examples, 'captures/churn-endpoint');
  test.skip(!fs.existsSync(captures), `SKIPPED: ${captures} is absent: run make examples`);
  test.setTimeout(180_000);
  await page.contents.uploadDirectory(captures, `${tmpPath}/captures/churn-endpoint`);
  await page.contents.uploadDirectory(path.join(examples, 'baseline'), `${tmpPath}/baseline`);
  const name = `over-${Date.now()}`;
  await page.evaluate(
    async ({ name, tmpPath }) => {
      const settings = (window as any).jupyterapp.serviceManager.serverSettings;
      const response = await fetch(`${settings.baseUrl}model-monitor/monitors`, {
        method: 'POST',
        headers: { Authorization: `token ${settings.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name,
          dataset: `${tmpPath}/captures/churn-endpoint`,
          baseline_statistics: `${tmpPath}/baseline/statistics.json`,
          baseline_constraints: `${tmpPath}/baseline/constraints.json`
        })
      });
      if (!response.ok) {
        throw new Error(`${response.status} ${await response.text()}`);
      }
    },
    { name, tmpPath }
  );
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
  );
  const monitor = page.locator(`[data-monitor-name="${name}"]`);
  await monitor.locator('button[data-action="run-over"]').click();
  const dialog = page.locator('.jp-Dialog');
  const form = dialog.locator('.jp-ModelMonitor-runWindow');
  // Prefilled from the captures' own times (the demo's 24 hours), whatever today's date.
  await expect(form.locator('input[name="start"]')).toHaveValue('2026-11-01T00:00');
  await expect(form.locator('input[name="end"]')).toHaveValue('2026-11-02T00:00');
  await expect(form).toContainText('Prefilled with the hours the captures');
  await screenshot(dialog.locator('.jp-Dialog-content'), 'run-over-dialog');
  await dialog.locator('button', { hasText: 'Run' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: new RegExp(`${name}: \\d+ violations`) })
  ).toBeVisible({ timeout: 120_000 });
  const execution = monitor.locator('.jp-ModelMonitor-execution').first();
  await expect(execution).toContainText('Nov 1, 2026');
});
