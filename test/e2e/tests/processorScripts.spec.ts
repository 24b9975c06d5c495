import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import { rest, screenshot } from './helpers';
import { writeMonitorData } from './monitorFixtures';
import { ScheduleFormPage, sidePanel } from './scheduleFormPage';

/** A SageMaker preprocessor as its users write them: here it keeps the input features only. */
const PREPROCESSOR = `def preprocess_handler(inference_record, logger):
    cells = inference_record.endpoint_input.data.rstrip("\\n").split(",")
    return {str(i).zfill(2): cell for i, cell in enumerate(cells)}
`;

const POSTPROCESSOR = `import json
import os

def postprocess_handler():
    with open(os.path.join(os.environ["output_path"], "postprocessed.json"), "w") as f:
        json.dump({"schedule": os.environ.get("sagemaker_monitoring_schedule_name")}, f)
`;

/** `yyyy/mm/dd/HH` of an hour, UTC, as captures are foldered. */
function hourFolder(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = [time.getUTCFullYear(), pad(time.getUTCMonth() + 1), pad(time.getUTCDate())];
  return [...day, pad(time.getUTCHours())].join('/');
}

/** Capture records whose input is age,income,city (drifted) and whose output is a score. */
function captureLines(): string {
  const lines = [];
  for (let i = 0; i < 200; i++) {
    const input = `${50 + (i % 30)},${(70000 + i * 13).toFixed(2)},${['Paris', 'Rome'][i % 2]}`;
    const side = (data: string, mode: string) => ({
      observedContentType: 'text/csv',
      mode,
      data,
      encoding: 'CSV'
    });
    const record = {
      captureData: { endpointInput: side(input, 'INPUT'), endpointOutput: side('0.5', 'OUTPUT') },
      eventMetadata: { eventId: `e${i}`, inferenceTime: new Date().toISOString() },
      eventVersion: '0'
    };
    lines.push(JSON.stringify(record));
  }
  return lines.join('\n') + '\n';
}

/** A JSON file under the server root, read through Jupyter's contents API. */
async function readJson(page: IJupyterLabPageFixture, file: string): Promise<any> {
  const text = await page.evaluate(async file => {
    const contents = (window as any).jupyterapp.serviceManager.contents;
    const model = await contents.get(file, { content: true, format: 'text', type: 'file' });
    return model.content as string;
  }, file);
  return JSON.parse(text);
}

test('a monitor runs SageMaker processor scripts set in its form', async ({ page, tmpPath }) => {
  await writeMonitorData(page, tmpPath);
  // The hour a "run now" reads, and the current one in case the hour turns during the test.
  for (const time of [new Date(Date.now() - 3600_000), new Date()]) {
    const file = `${tmpPath}/endpoint/${hourFolder(time)}/c.jsonl`;
    await page.contents.uploadContent(captureLines(), 'text', file);
  }
  await page.contents.uploadContent(PREPROCESSOR, 'text', `${tmpPath}/scripts/inputs_only.py`);
  await page.contents.uploadContent(POSTPROCESSOR, 'text', `${tmpPath}/scripts/post.py`);
  const name = `scripts-${Date.now()}`;

  const schedule = await ScheduleFormPage.open(page);
  await schedule.fillBasics({
    name,
    dataset: `${tmpPath}/endpoint`,
    baselineStatistics: `${tmpPath}/baseline/statistics.json`,
    baselineConstraints: `${tmpPath}/baseline/constraints.json`
  });
  await schedule.field('preset').selectOption('manual');

  // The scripts sit in a closed section until asked for.
  const preprocessor = schedule.field('recordPreprocessorScript');
  await expect(preprocessor).toBeHidden();
  await schedule.form.locator('.jp-ModelMonitor-scriptFields summary').click();
  await preprocessor.fill(`${tmpPath}/scripts/missing.py`);
  await schedule.field('postAnalyticsProcessorScript').fill(`${tmpPath}/scripts/post.py`);
  await schedule.create();
  // The server's refusal shows at the field, in the section it opened again.
  await expect(schedule.error('recordPreprocessorScript')).toContainText('no such file');
  await expect(preprocessor).toBeVisible();
  await screenshot(schedule.dialog.locator('.jp-Dialog-content'), 'schedule-form-scripts');
  await preprocessor.fill(`${tmpPath}/scripts/inputs_only.py`);
  await schedule.create();
  await expect(schedule.dialog).toHaveCount(0);

  const { monitors } = await rest(page, 'GET', 'monitors');
  const created = monitors.find((m: any) => m.name === name);
  expect(created.record_preprocessor_script).toBe(`${tmpPath}/scripts/inputs_only.py`);
  expect(created.post_analytics_processor_script).toBe(`${tmpPath}/scripts/post.py`);

  // Run now: the preprocessor's rows (the input features) are checked against the baseline.
  const monitor = sidePanel(page).locator('.jp-ModelMonitor-monitor', {
    has: page.locator('.jp-ModelMonitor-monitorName', { hasText: name })
  });
  await monitor.locator('button[data-action="run"]').click();
  await expect(
    monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
  ).toHaveAttribute('data-status', 'violations', { timeout: 30_000 });
  const { executions } = await rest(page, 'GET', `executions?monitor_id=${created.id}`);
  const output = executions[0].output;
  const statistics = await readJson(page, `${output}/statistics.json`);
  expect(statistics.features.map((f: any) => f.name)).toEqual(['age', 'income', 'city']);
  expect(await readJson(page, `${output}/postprocessed.json`)).toEqual({ schedule: name });

  await rest(page, 'DELETE', `monitors/${created.id}`);
});
