import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { rest, screenshot } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const CAPTURES = path.join(EXAMPLES, 'captures/churn-endpoint/AllTraffic');
// The demo's late hours: a new payment method appears (examples/generate.py).
const HOURS = ['2026/11/01/20', '2026/11/01/21'];

/** Runs a monitor over the demo's late hours with the real server; the run's output folder. */
async function monitoredRun(page: IJupyterLabPageFixture, tmpPath: string): Promise<string> {
  for (const hour of HOURS) {
    await page.contents.uploadDirectory(
      path.join(CAPTURES, hour),
      `${tmpPath}/captures/AllTraffic/${hour}`
    );
  }
  await page.contents.uploadDirectory(path.join(EXAMPLES, 'baseline'), `${tmpPath}/baseline`);
  const monitor = await rest(page, 'POST', 'monitors', {
    name: `records-${Date.now()}`,
    dataset: `${tmpPath}/captures`,
    baseline_statistics: `${tmpPath}/baseline/statistics.json`,
    baseline_constraints: `${tmpPath}/baseline/constraints.json`
  });
  const started = await rest(page, 'POST', `monitors/${monitor.id}/runs`, {
    window_start: '2026-11-01T20:00:00Z',
    window_end: '2026-11-01T22:00:00Z'
  });
  let execution = started;
  await expect
    .poll(
      async () => {
        execution = await rest(page, 'GET', `executions/${started.id}`);
        return execution.state;
      },
      { timeout: 120_000 }
    )
    .toMatch(/^completed/);
  return execution.output;
}

test('a violation leads to the records behind it and a notebook cell that loads them', async ({
  page,
  tmpPath
}) => {
  test.skip(!fs.existsSync(CAPTURES), `SKIPPED: ${CAPTURES} is absent: run make examples`);
  test.setTimeout(240_000);
  const run = await monitoredRun(page, tmpPath);
  await page.evaluate(
    args => (window as any).jupyterapp.commands.execute('model-monitor:compare-statistics', args),
    {
      baseline: `${tmpPath}/baseline/statistics.json`,
      current: `${run}/statistics.json`,
      feature: 'payment_method'
    }
  );
  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  const detail = comparison.locator('.jp-ModelMonitor-comparisonDetail');
  await expect(detail.locator('.jp-ModelMonitor-chartTitle')).toHaveText('payment_method');
  await screenshot(detail, 'records-buttons');
  await detail.locator('button[data-match="unseen_category"]').click();

  const view = page.locator('.jp-ModelMonitor-recordsView');
  await expect(view.locator('h3')).toHaveText(
    'payment_method in categories the baseline never saw'
  );
  const status = view.locator('.jp-ModelMonitor-recordsStatus');
  await expect(status).toContainText(/^[\d,]+ of the run’s [\d,]+ input records match\.$/);
  const rows = view.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Every listed value is one the baseline's constraints do not allow.
  const constraints = JSON.parse(
    fs.readFileSync(path.join(EXAMPLES, 'baseline/constraints.json'), 'utf8')
  );
  const domain: string[] = constraints.features.find(
    (f: { name: string }) => f.name === 'payment_method'
  ).string_constraints.domains;
  const values = await view.locator('tbody td.jp-ModelMonitor-queried').allTextContents();
  expect(values.length).toBeGreaterThan(0);
  expect(values.filter(value => domain.includes(value))).toEqual([]);
  // The first row is where it says: that line of that capture file holds its event id.
  const [file, line, eventId] = await rows
    .first()
    .locator('td')
    .evaluateAll(cells => [
      cells[0].dataset.file ?? '',
      ...cells.slice(1, 3).map(td => td.textContent ?? '')
    ]);
  const local = path.join(
    CAPTURES,
    file.slice(file.indexOf('/AllTraffic/') + '/AllTraffic/'.length)
  );
  const record = JSON.parse(fs.readFileSync(local, 'utf8').split('\n')[Number(line) - 1]);
  expect(record.eventMetadata.eventId).toBe(eventId);
  await screenshot(page.locator('#jp-main-dock-panel'), 'records-view');
  await page.theme.setDarkTheme();
  await screenshot(page.locator('#jp-main-dock-panel'), 'records-view-dark');
  await page.theme.setLightTheme();

  // Paging: the next page starts where the first ended.
  const matched = Number((await status.textContent())!.split(' ')[0].replace(/,/g, ''));
  if (matched > 100) {
    await view.locator('button', { hasText: 'Next' }).click();
    await expect(view.locator('.jp-ModelMonitor-recordsRange')).toContainText('Rows 101–');
    await view.locator('button', { hasText: 'Previous' }).click();
    await expect(view.locator('.jp-ModelMonitor-recordsRange')).toContainText('Rows 1–');
  }

  // Open in notebook: a new notebook beside the run, whose cell loads exactly these rows.
  await view.locator('button', { hasText: 'Open in notebook' }).click();
  const cell = page.locator('.jp-NotebookPanel .jp-Cell').first();
  await expect(cell.locator('.jp-InputArea')).toContainText('pd.read_json(');
  await page.notebook.runCell(0);
  await expect(cell.locator('.jp-OutputArea')).toContainText(`${matched} rows`, {
    timeout: 60_000
  });
  await screenshot(page.locator('.jp-NotebookPanel').first(), 'records-notebook');

  // Again from the records: the cell goes below the active one of the notebook now open.
  const notebook = page.locator('.jp-NotebookPanel').first();
  const before = await notebook.locator('.jp-Cell').count();
  await page.locator('.lm-TabBar-tab', { hasText: 'Records: payment_method' }).click();
  await view.locator('button', { hasText: 'Open in notebook' }).click();
  await expect(notebook.locator('.jp-Cell')).toHaveCount(before + 1);
  await expect(notebook.locator('.jp-Cell.jp-mod-active .jp-InputArea')).toContainText(
    'pd.read_json('
  );
});
