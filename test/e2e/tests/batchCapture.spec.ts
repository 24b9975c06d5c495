import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { rest, screenshot } from './helpers';
import { writeMonitorData } from './monitorFixtures';
import { ScheduleFormPage, sidePanel } from './scheduleFormPage';

const PREFIX = 's3://bucket/transform-input/';

/** `yyyy/mm/dd/HH` of an hour, UTC, as the capture destination folders its manifests. */
function hourFolder(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = [time.getUTCFullYear(), pad(time.getUTCMonth() + 1), pad(time.getUTCDate())];
  return [...day, pad(time.getUTCHours())].join('/');
}

/** Rows of age, income and city without a header, as a transform's input often is. */
function rows(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `${55 + (i % 20)},${(80000 + i * 11).toFixed(2)},${['Paris', 'Rome'][i % 2]}\n`
  ).join('');
}

async function readJson(page: IJupyterLabPageFixture, file: string): Promise<any> {
  const text = await page.evaluate(async file => {
    const contents = (window as any).jupyterapp.serviceManager.contents;
    return (await contents.get(file, { content: true, format: 'text', type: 'file' })).content;
  }, file);
  return JSON.parse(text);
}

test('a monitor of a batch transform capture reads the objects its manifests name', async ({
  page,
  tmpPath
}) => {
  await writeMonitorData(page, tmpPath);
  await page.contents.uploadContent(rows(120), 'text', `${tmpPath}/mirror/part-1.csv`);
  await page.contents.uploadContent(rows(80), 'text', `${tmpPath}/mirror/part-2.csv`);
  const manifest = JSON.stringify([{ prefix: PREFIX }, 'part-1.csv', 'part-2.csv']);
  // The hour a "run now" reads, and the current one in case the hour turns during the test.
  for (const time of [new Date(Date.now() - 3600_000), new Date()]) {
    const file = `${tmpPath}/transform-capture/input/${hourFolder(time)}/m.json`;
    await page.contents.uploadContent(manifest, 'text', file);
  }
  const name = `batch-${Date.now()}`;

  const schedule = await ScheduleFormPage.open(page);
  await schedule.fillBasics({
    name,
    dataset: `${tmpPath}/transform-capture`,
    baselineStatistics: `${tmpPath}/baseline/statistics.json`,
    baselineConstraints: `${tmpPath}/baseline/constraints.json`
  });
  await schedule.field('header').uncheck();
  await schedule.field('preset').selectOption('manual');
  await schedule.form.locator('.jp-ModelMonitor-batchFields summary').click();
  await schedule.field('batchS3Prefix').fill(PREFIX);
  await schedule.create();
  await expect(schedule.error('batchFolder')).toContainText('folder');
  await schedule.field('batchFolder').fill(`${tmpPath}/mirror`);
  await schedule.field('batchFolder').scrollIntoViewIfNeeded();
  await screenshot(schedule.dialog.locator('.jp-Dialog-content'), 'schedule-form-batch');
  await schedule.create();
  await expect(schedule.dialog).toHaveCount(0);

  const monitor = sidePanel(page).locator(`.jp-ModelMonitor-monitor[data-monitor-name="${name}"]`);
  await monitor.locator('button[data-action="run"]').click();
  await expect(
    monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
  ).toHaveAttribute('data-status', 'violations', { timeout: 30_000 });
  const { monitors } = await rest(page, 'GET', 'monitors');
  const created = monitors.find((m: any) => m.name === name);
  expect(created.batch_capture).toEqual({ s3_map: { [PREFIX]: `${tmpPath}/mirror` } });
  const { executions } = await rest(page, 'GET', `executions?monitor_id=${created.id}`);
  const statistics = await readJson(page, `${executions[0].output}/statistics.json`);
  expect(statistics.dataset.item_count).toBe(200);
  expect(statistics.features.map((f: any) => f.name)).toEqual(['age', 'income', 'city']);
  await rest(page, 'DELETE', `monitors/${created.id}`);
});
