import { expect, test } from '@jupyterlab/galata';

import { rest, screenshot } from './helpers';
import { ScheduleFormPage, sidePanel } from './scheduleFormPage';

/** eu-west is 1 row in 20: its drift alone hardly moves the whole data's distributions. */
function region(i: number): string {
  return i % 20 === 0 ? 'eu-west' : i % 2 ? 'us-east' : 'ap-south';
}

/** Rows of age, income and region; `euShift` moves eu-west's incomes only. */
function rows(count: number, euShift = 0): string {
  const lines = ['age,income,region'];
  for (let i = 0; i < count; i++) {
    const income = 50000 + ((i * 7919) % 10000) + (region(i) === 'eu-west' ? euShift : 0);
    lines.push(`${20 + ((i * 31) % 50)},${income},${region(i)}`);
  }
  return lines.join('\n') + '\n';
}

test('a segmented baseline and monitor, made in the forms, name the segment that drifted', async ({
  page,
  tmpPath
}) => {
  await page.contents.uploadContent(rows(2000), 'text', `${tmpPath}/training.csv`);
  await page.contents.uploadContent(rows(2000, 1_000_000), 'text', `${tmpPath}/today.csv`);
  const name = `segmented-${Date.now()}`;

  // A baseline per region, from the Build baseline form (the command resolves when its job ends).
  await page.evaluate(dataset => {
    void (window as any).jupyterapp.commands.execute('model-monitor:build-baseline', { dataset });
  }, `${tmpPath}/training.csv`);
  const dialog = page.locator('.jp-Dialog');
  const baselineForm = dialog.locator('.jp-ModelMonitor-baselineForm');
  await baselineForm.locator('.jp-ModelMonitor-segmentFields summary').click();
  await baselineForm.locator('input[name="segmentBy"]').fill('region');
  await screenshot(dialog.locator('.jp-Dialog-content'), 'build-baseline-segments');
  await dialog.locator('button', { hasText: 'Build' }).click();
  // Toasts cut long messages: the job's own record says what it wrote.
  const job = async () => (await rest(page, 'GET', 'baselines')).baselines[0];
  await expect.poll(async () => (await job()).state, { timeout: 60_000 }).toBe('completed');
  expect(await job()).toMatchObject({
    segment: { by: 'region', max_segments: 20 },
    message: '2,000 rows profiled in 3 segments by region'
  });
  // The Lab has followed the job to its end too: its files are open, and the next form is its own.
  await expect(
    page.getByRole('alert').filter({ hasText: `Baseline written to ${tmpPath}/training-baseline` })
  ).toBeVisible({ timeout: 30_000 });

  const schedule = await ScheduleFormPage.open(page);
  await schedule.fillBasics({
    name,
    dataset: `${tmpPath}/today.csv`,
    baselineStatistics: `${tmpPath}/training-baseline/statistics.json`,
    baselineConstraints: `${tmpPath}/training-baseline/constraints.json`
  });
  await schedule.field('preset').selectOption('manual');
  await schedule.form.locator('.jp-ModelMonitor-segmentFields summary').click();
  await schedule.field('segmentBy').fill('region');
  await schedule.field('maxSegments').fill('5');
  await schedule.field('segmentBaseline').scrollIntoViewIfNeeded();
  await screenshot(schedule.dialog.locator('.jp-Dialog-content'), 'schedule-form-segments');
  await schedule.field('maxSegments').fill('0');
  await schedule.create();
  await expect(schedule.error('maxSegments')).toContainText('1 to 1000 segments');
  await schedule.field('maxSegments').fill('5');
  await expect(schedule.field('maxSegments')).toHaveValue('5');
  await schedule.create();
  await expect(schedule.dialog).toHaveCount(0);

  const monitor = sidePanel(page).locator(`.jp-ModelMonitor-monitor[data-monitor-name="${name}"]`);
  await expect(monitor.locator('.jp-ModelMonitor-monitorSegment')).toHaveText('Segments by region');
  await monitor.locator('button[data-action="run"]').click();
  await expect(
    monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
  ).toHaveAttribute('data-status', 'violations', { timeout: 30_000 });
  // The whole run has no violation, its eu-west segment has (Run now expands the monitor).
  const summary = '0 violations; 1 of 3 segments with violations: eu-west';
  await expect(monitor.locator('.jp-ModelMonitor-executionMessage')).toHaveText(summary);
  await expect(page.getByRole('alert').filter({ hasText: `${name}: ${summary}` })).toBeVisible();
  const alert = sidePanel(page).locator('.jp-ModelMonitor-alert', { hasText: name });
  await expect(alert.locator('.jp-ModelMonitor-alertMessage')).toHaveText(
    `${name}: 1 segment with violations: eu-west`,
    { timeout: 30_000 }
  );
  await screenshot(sidePanel(page), 'side-panel-segments');

  const { monitors } = await rest(page, 'GET', 'monitors');
  const created = monitors.find((m: any) => m.name === name);
  expect(created.segment).toEqual({ by: 'region', max_segments: 5, baseline: 'own' });
  const { executions } = await rest(page, 'GET', `executions?monitor_id=${created.id}`);
  expect(executions[0].violations).toBe(0);
  expect(executions[0].segments).toMatchObject({
    by: 'region',
    count: 3,
    with_violations: [{ kind: 'value', value: 'eu-west', folder: 'segments/01-eu-west' }]
  });

  // Editing the monitor shows its segment, and keeps it.
  await monitor.locator('button[data-action="edit"]').click();
  const edit = new ScheduleFormPage(page);
  await expect(edit.field('segmentBy')).toHaveValue('region');
  await expect(edit.field('maxSegments')).toHaveValue('5');
  await expect(edit.field('segmentBaseline')).toHaveValue('own');
  await edit.dialog.locator('button', { hasText: 'Cancel' }).click();
  await rest(page, 'DELETE', `monitors/${created.id}`);
});
