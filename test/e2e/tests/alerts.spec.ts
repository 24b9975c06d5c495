import { expect, test } from '@jupyterlab/galata';

import { forbidAlerts, rest, screenshot } from './helpers';
import { writeMonitorData } from './monitorFixtures';

// The test server's store is shared by every spec; later specs expect no monitors of ours.
test.afterEach(async ({ page }) => {
  const { monitors } = await rest(page, 'GET', 'monitors');
  for (const monitor of monitors.filter((m: any) => m.name.startsWith(PREFIX))) {
    await rest(page, 'DELETE', `monitors/${monitor.id}`);
  }
});

const PREFIX = 'alerting-';

// #19 item 1: an alert raised by a scheduled run reaches the Lab, with the panel closed.
test('a scheduled run’s alert shows as a notification and in the panel’s Alerts', async ({
  page,
  tmpPath
}) => {
  test.setTimeout(180_000);
  const dialogs = forbidAlerts(page);
  await writeMonitorData(page, tmpPath);
  const name = `${PREFIX}${Date.now()}`;
  const monitor = await rest(page, 'POST', 'monitors', {
    name,
    dataset: `${tmpPath}/captures`,
    header: true,
    baseline_statistics: `${tmpPath}/baseline/statistics.json`,
    baseline_constraints: `${tmpPath}/baseline/constraints.json`,
    schedule: '* * * * *'
  });

  // The scheduler runs it at the next minute; the panel stays closed.
  const toast = page.getByRole('alert').filter({ hasText: `${name}: 4 violations` });
  await expect(toast).toBeVisible({ timeout: 100_000 });
  // One run at a time: no second scheduled run adds alerts while the test looks.
  await rest(page, 'PATCH', `monitors/${monitor.id}`, { enabled: false });
  await expect(toast.getByRole('button', { name: 'Open results' })).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Mute 24 h' })).toBeVisible();
  await screenshot(toast, 'alert-notification');

  // Acting on it opens the run against its baseline, and marks the alert read everywhere.
  await toast.getByRole('button', { name: 'Compare with baseline' }).click();
  await expect(page.locator('.jp-ModelMonitor-comparisonView')).toBeVisible();
  await expect.poll(async () => (await rest(page, 'GET', 'alerts')).unread).toBe(0);

  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
  );
  const panel = page.locator('#jp-ModelMonitor-sidePanel');
  const section = panel.locator('.jp-ModelMonitor-alerts');
  const item = section.locator('.jp-ModelMonitor-alert', { hasText: name });
  await expect(item).toHaveAttribute('data-unread', 'false');
  await expect(item.locator('[data-status]')).toHaveAttribute('data-status', 'violations');

  // A run started here reports its end itself: its alert is listed unread, not announced twice.
  const row = panel.locator(`[data-monitor-name="${name}"]`);
  await row.locator('button[data-action="run"]').click();
  const ended = page.getByRole('alert').filter({ hasText: `${name}: 4 violations` });
  await expect(ended).toHaveCount(1, { timeout: 60_000 });
  await expect(section.locator('.jp-ModelMonitor-unreadCount')).toHaveText('1 unread', {
    timeout: 30_000
  });
  await expect(section.locator('.jp-ModelMonitor-alert[data-unread="true"]')).toHaveCount(1);
  await expect(ended).toHaveCount(1);
  await page.addStyleTag({ content: '.Toastify { display: none; }' });
  await screenshot(panel, 'side-panel-alerts');

  // Mute from the list: the monitor is muted on the server, the button turns to Unmute.
  await section.locator('[data-unread="true"] button[data-action="mute"]').click();
  await expect(section.locator('button[data-action="unmute"]').first()).toBeVisible();
  const muted = await rest(page, 'GET', `monitors/${monitor.id}`);
  expect(Date.parse(muted.muted_until) - Date.now()).toBeGreaterThan(23 * 3600_000);

  await section.locator('button[data-action="acknowledge-all"]').click();
  await expect(section.locator('.jp-ModelMonitor-unreadCount')).toHaveCount(0);
  expect((await rest(page, 'GET', 'alerts')).unread).toBe(0);

  await page.theme.setDarkTheme();
  await screenshot(panel, 'side-panel-alerts-dark');
  await page.theme.setLightTheme();
  expect(dialogs).toEqual([]);
});
