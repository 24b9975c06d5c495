import { expect, test } from '@jupyterlab/galata';

import { forbidAlerts, screenshot } from './helpers';
import { writeMonitorData } from './monitorFixtures';
import { monitorDataBasics, ScheduleFormPage } from './scheduleFormPage';

// spark-submit starts a JVM and Spark local mode: a run takes tens of seconds on a busy machine.
const SPARK_RUN_TIMEOUT = 300_000;

test.describe('The spark backend', () => {
  test.setTimeout(SPARK_RUN_TIMEOUT + 120_000);

  test('a monitor created in the form with backend spark runs on Spark and shows its results', async ({
    page,
    tmpPath
  }) => {
    const alerts = forbidAlerts(page);
    await writeMonitorData(page, tmpPath);
    const name = `spark-${Date.now()}`;

    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
    );
    const panel = page.locator('#jp-ModelMonitor-sidePanel');
    await panel.locator('button', { hasText: 'New schedule…' }).click();
    const dialog = page.locator('.jp-Dialog');
    const form = dialog.locator('.jp-ModelMonitor-scheduleForm');
    await new ScheduleFormPage(page).fillBasics(monitorDataBasics(name, tmpPath));
    // No schedule: an hourly one would also run at the next full hour, and its alert would be
    // announced beside this run's own notification (a test started just before the hour).
    await form.locator('select[name="preset"]').selectOption('manual');
    const backend = form.locator('select[name="backend"]');
    await expect(backend.locator('option[value="spark"]')).toHaveText('spark');
    await backend.selectOption('spark');
    await backend.scrollIntoViewIfNeeded();
    await screenshot(dialog.locator('.jp-Dialog-content'), 'spark-schedule-form');
    await dialog.locator('button', { hasText: 'Create' }).click();
    await expect(dialog).toHaveCount(0);

    const monitor = panel.locator('.jp-ModelMonitor-monitor', {
      has: page.locator('.jp-ModelMonitor-monitorName', { hasText: name })
    });
    await expect(monitor).toContainText('Backend: spark');
    await expect(monitor).toContainText('Manual runs only');

    await monitor.locator('button[data-action="run"]').click();
    await expect(
      monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
    ).toHaveAttribute('data-status', 'violations', { timeout: SPARK_RUN_TIMEOUT });
    const execution = monitor.locator('.jp-ModelMonitor-execution').first();
    await expect(execution.locator('.jp-ModelMonitor-badge')).toHaveText('Violations');
    // The same data as the local backend's spec: the same four violations.
    await expect(
      page.getByRole('alert').filter({ hasText: `${name}: 4 violations` })
    ).toBeVisible();
    await page.addStyleTag({ content: '.Toastify { display: none; }' });
    await screenshot(monitor, 'spark-monitor');

    await execution.locator('button[data-action="open-results"]').click();
    const violations = page.locator('.jp-ModelMonitor-violationsView');
    await expect(violations).toBeVisible();
    await expect(violations).toContainText('baseline_drift_check');
    await expect(page.locator('.lm-TabBar-tab', { hasText: 'statistics.json' })).toHaveCount(1);
    await screenshot(page.locator('#jp-main-dock-panel'), 'spark-monitor-results');
    expect(alerts).toEqual([]);
  });
});
