import { expect, test } from '@jupyterlab/galata';

import { rest, screenshot } from './helpers';
import { writeMonitorData } from './monitorFixtures';
import { monitorDataBasics, ScheduleFormPage, sidePanel } from './scheduleFormPage';

/** A custom monitor as SageMaker's BYOC examples write one: reads the data, writes violations. */
const MONITOR = `import glob
import json
import os
import sys

files = glob.glob(os.path.join(os.environ["dataset_source"], "**", "*.csv"), recursive=True)
rows = sum(sum(1 for _ in open(path)) - 1 for path in files)
limit = int(sys.argv[1])
violations = [{"feature_name": "rows", "constraint_check_type": "baseline_drift_check",
               "description": f"{rows} rows, fewer than {limit}"}] if rows < limit else []
with open(os.path.join(os.environ["output_path"], "constraint_violations.json"), "w") as f:
    json.dump({"violations": violations}, f)
`;

test('a custom monitor made in the form runs its script and shows its violations', async ({
  page,
  tmpPath
}) => {
  await writeMonitorData(page, tmpPath);
  await page.contents.uploadContent(MONITOR, 'text', `${tmpPath}/monitors/count_rows.py`);
  const name = `custom-${Date.now()}`;

  const schedule = await ScheduleFormPage.open(page);
  await expect(schedule.form.locator('.jp-ModelMonitor-customFields')).toBeHidden();
  await schedule.field('monitorType').selectOption('custom');
  await expect(schedule.form.locator('.jp-ModelMonitor-customFields')).toBeVisible();
  await expect(schedule.form.locator('.jp-ModelMonitor-scriptFields')).toBeHidden();
  await schedule.fillBasics(monitorDataBasics(name, tmpPath));
  await schedule.field('preset').selectOption('manual');
  // Neither a script nor an image: the form says so before asking the server.
  await schedule.create();
  await expect(schedule.error('customScript')).toContainText('one of them');
  await schedule.field('customScript').fill(`${tmpPath}/monitors/count_rows.py`);
  await schedule.field('customArguments').fill('1000000');
  await schedule.field('customScript').scrollIntoViewIfNeeded();
  await screenshot(schedule.dialog.locator('.jp-Dialog-content'), 'schedule-form-custom');
  await schedule.create();
  await expect(schedule.dialog).toHaveCount(0);

  const monitor = sidePanel(page).locator(`.jp-ModelMonitor-monitor[data-monitor-name="${name}"]`);
  await expect(monitor).toContainText('Custom · count_rows.py');
  await monitor.locator('button[data-action="run"]').click();
  await expect(
    monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
  ).toHaveAttribute('data-status', 'violations', { timeout: 30_000 });
  const execution = monitor.locator('.jp-ModelMonitor-execution').first();
  await expect(execution).toContainText('1 violation');
  await screenshot(sidePanel(page), 'side-panel-custom-monitor');

  await execution.locator('button[data-action="open-results"]').click();
  const violations = page.locator('.jp-ModelMonitor-violationsView');
  await expect(violations).toContainText('fewer than 1000000');

  const { monitors } = await rest(page, 'GET', 'monitors');
  const created = monitors.find((m: any) => m.name === name);
  await rest(page, 'DELETE', `monitors/${created.id}`);
});
