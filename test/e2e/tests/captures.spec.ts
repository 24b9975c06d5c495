import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

import { fileItem, forbidAlerts, screenshot } from './helpers';

/** The demo data of `make examples` (24 hours of captures with 3 malformed lines, training.csv). */
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const CAPTURES = path.join(EXAMPLES, 'captures');
const TRAINING = path.join(EXAMPLES, 'data', 'training.csv');

test.beforeAll(() => {
  if (!fs.existsSync(CAPTURES) || !fs.existsSync(TRAINING)) {
    throw new Error('run `make examples` first: the demo captures and training data are missing');
  }
});

async function runFromPalette(page: IJupyterLabPageFixture, label: string) {
  await page.keyboard.press('Control+Shift+C');
  const palette = page.locator('#command-palette');
  await palette.locator('.lm-CommandPalette-input').fill(label);
  await palette.locator('.lm-CommandPalette-item', { hasText: label }).click();
}

/** The value of a fact in the summary's header, by its exact term. */
function factValue(view: Locator, term: string): Locator {
  return view
    .locator('.jp-ModelMonitor-facts div')
    .filter({ has: view.page().locator('dt', { hasText: new RegExp(`^${term}`) }) })
    .locator('dd');
}

/**
 * A CSV big enough that its baseline runs for seconds (about 40 MB). Its city names are quoted, so
 * the engine reads it with the text reader: the byte-level core takes plain lines too fast for a
 * person (or this test) to cancel the run.
 */
function bigCsv(rows: number): string {
  const lines = ['score,amount,count,city,flag'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${next().toFixed(6)},${(next() * 1e5).toFixed(2)},${Math.floor(next() * 1000)},` +
        `"city-${Math.floor(next() * 200)}",${next() < 0.5}`
    );
  }
  return lines.join('\n') + '\n';
}

test.describe('Capture summary', () => {
  test('the file-browser context menu summarises the demo captures', async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    await page.contents.uploadDirectory(CAPTURES, `${tmpPath}/captures`);
    await page.filebrowser.openDirectory(`${tmpPath}/captures`);
    await fileItem(page, 'churn-endpoint').click({ button: 'right' });
    await page.locator('.lm-Menu-item', { hasText: 'Summarise Captures' }).click();

    const view = page.locator('.jp-ModelMonitor-captureSummary');
    await expect(view.locator('.jp-ModelMonitor-captureTitle')).toHaveText(
      `${tmpPath}/captures/churn-endpoint`
    );
    await expect(page.locator('.lm-TabBar-tab.jp-mod-current')).toContainText(
      'Captures: churn-endpoint'
    );
    const fact = (name: string) => factValue(view, name);
    await expect(fact('Files')).toHaveText('96');
    await expect(fact('Records')).toHaveText((24 * 240 + 3).toLocaleString('en-US'));
    await expect(fact('Unreadable records')).toHaveText('3');
    await expect(fact('Hour folders')).toHaveText('24');
    await expect(fact('Time range')).toContainText('2026-11-01 00:');
    await expect(fact('Time range')).toContainText('2026-11-01 23:');

    // One bar per hour in the chart, drawn by Vega.
    await expect(view.locator('.jp-ModelMonitor-captureChart svg.marks')).toBeVisible();
    await expect(
      view.locator('.jp-ModelMonitor-captureChart path[aria-roledescription="bar"]')
    ).toHaveCount(24);
    await expect(view.locator('.jp-ModelMonitor-countsTable').first()).toContainText('CSV');
    await expect(view.locator('.jp-ModelMonitor-countsTable').nth(1)).toContainText('text/csv');
    await expect(view.locator('.jp-ModelMonitor-sampleData')).toHaveCount(5);
    await expect(view.locator('.jp-ModelMonitor-sampleData').first()).toContainText(
      'Input (CSV, text/csv):'
    );

    // The demo's three malformed lines, in hours 3, 13 and 20, with file and line.
    const rows = view.locator('.jp-ModelMonitor-diagnosticsTable tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(view.locator('.jp-ModelMonitor-diagnosticCounts')).toHaveText('malformed_json: 3');
    for (const [index, hour] of ['03', '13', '20'].entries()) {
      const cells = rows.nth(index).locator('td');
      await expect(cells.nth(0)).toContainText(`AllTraffic/2026/11/01/${hour}/`);
      await expect(cells.nth(1)).toHaveText(/^\d+$/);
      await expect(cells.nth(2)).toHaveText('malformed_json');
    }
    await screenshot(view, 'capture-summary');
    // A problem's file opens in the editor with the cursor on its line.
    const line = await rows.first().locator('td').nth(1).textContent();
    await rows.first().locator('.jp-ModelMonitor-linkButton').click();
    await expect(page.locator('.lm-TabBar-tab.jp-mod-current')).toContainText('.jsonl');
    const cursorLine = () =>
      page.evaluate(() => {
        const editor = (window as any).jupyterapp.shell.currentWidget?.content?.editor;
        return editor ? editor.getCursorPosition().line + 1 : null;
      });
    await expect.poll(cursorLine).toBe(Number(line));
    await expect(page.locator('.jp-FileEditor:visible .cm-content')).toBeVisible();
    await page.locator('.lm-TabBar-tab', { hasText: 'Captures: churn-endpoint' }).click();
    await view.locator('.jp-ModelMonitor-diagnostics').scrollIntoViewIfNeeded();
    await screenshot(view.locator('.jp-ModelMonitor-diagnostics'), 'capture-summary-diagnostics');
    expect(alerts).toEqual([]);
  });

  test('from the palette, a folder picker; a missing folder says why', async ({
    page,
    tmpPath
  }) => {
    await page.contents.uploadDirectory(
      path.join(CAPTURES, 'churn-endpoint/AllTraffic/2026/11/01/05'),
      `${tmpPath}/one-hour/2026/11/01/05`
    );
    await page.filebrowser.openDirectory(tmpPath);
    // Both commands are in the Model Monitor menu too.
    await page.locator('.lm-MenuBar-item', { hasText: 'Model Monitor' }).click();
    const menu = page.locator('.lm-Menu');
    await expect(menu.locator('.lm-Menu-item', { hasText: 'Load Captures…' })).toBeVisible();
    await expect(menu.locator('.lm-Menu-item', { hasText: 'Build Baseline…' })).toBeVisible();
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'Load Captures…');
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('Choose a capture folder');
    await dialog.locator('.jp-DirListing-item', { hasText: 'one-hour' }).click();
    await dialog.locator('button', { hasText: 'Select' }).click();
    const view = page.locator('.jp-ModelMonitor-captureSummary');
    await expect(view.locator('.jp-ModelMonitor-captureTitle')).toHaveText(`${tmpPath}/one-hour`);
    await expect(factValue(view, 'Records')).toHaveText('240');
    await expect(view).toContainText('No problems found.');

    await page.evaluate(() => {
      void (window as any).jupyterapp.commands.execute('model-monitor:load-captures', {
        path: 'no/such/folder'
      });
    });
    await expect(page.locator('.jp-ModelMonitor-captureSummary [role="alert"]')).toContainText(
      'no such file or folder: no/such/folder'
    );
  });
});

test.describe('Build baseline', () => {
  test('palette → dialog → progress → statistics and constraints open', async ({
    page,
    tmpPath
  }) => {
    await page.contents.uploadContent(
      fs.readFileSync(TRAINING, 'utf-8'),
      'text',
      `${tmpPath}/data/training.csv`
    );
    await page.filebrowser.openDirectory(`${tmpPath}/data`);
    await fileItem(page, 'training.csv').click();
    await runFromPalette(page, 'Build Baseline…');

    const dialog = page.locator('.jp-Dialog');
    const form = dialog.locator('.jp-ModelMonitor-baselineForm');
    await expect(form.locator('input[name="dataset"]')).toHaveValue(`${tmpPath}/data/training.csv`);
    await expect(form.locator('select[name="format"]')).toHaveValue('csv');
    await expect(form.locator('input[name="header"]')).toBeChecked();
    await expect(form.locator('input[name="output"]')).toHaveValue(
      `${tmpPath}/data/training-baseline`
    );
    // The browser's own check first: an absolute output folder.
    await form.locator('input[name="output"]').fill('/tmp/elsewhere');
    await dialog.locator('button', { hasText: 'Build' }).click();
    await expect(form.locator('[data-error-for="output"]')).toContainText(
      'relative to the Jupyter root'
    );
    await screenshot(dialog.locator('.jp-Dialog-content'), 'build-baseline-error');
    await form.locator('input[name="output"]').fill(`${tmpPath}/data/training-baseline`);
    await screenshot(dialog.locator('.jp-Dialog-content'), 'build-baseline-form');
    await dialog.locator('button', { hasText: 'Build' }).click();
    await expect(dialog).toHaveCount(0);

    // Both files open in the main area when the job completes.
    const tab = (name: string) =>
      page.locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: name });
    await expect(tab('statistics.json')).toBeVisible({ timeout: 60_000 });
    await expect(tab('constraints.json')).toBeVisible();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `Baseline written to ${tmpPath}/data/training-baseline` })
    ).toBeVisible();
    await tab('statistics.json').click();
    await expect(
      page.locator('.jp-ModelMonitor-statisticsView .jp-ModelMonitor-featureName', {
        hasText: 'churn_score'
      })
    ).toBeVisible();
    expect(
      await page.contents.fileExists(`${tmpPath}/data/training-baseline/constraints.json`)
    ).toBe(true);

    // Building again into the same folder: the server's 409 shows next to the output field.
    // (not awaited: the command resolves when its job ends)
    await page.evaluate(dataset => {
      void (window as any).jupyterapp.commands.execute('model-monitor:build-baseline', {
        dataset
      });
    }, `${tmpPath}/data/training.csv`);
    await dialog.locator('button', { hasText: 'Build' }).click();
    await expect(form.locator('[data-error-for="output"]')).toContainText(
      'already holds a baseline'
    );
    await screenshot(dialog.locator('.jp-Dialog-content'), 'build-baseline-exists');
    await dialog.locator('button', { hasText: 'Cancel' }).click();
  });

  test('a long job shows its progress and can be cancelled', async ({ page, tmpPath }) => {
    await page.contents.uploadContent(bigCsv(1_500_000), 'text', `${tmpPath}/big.csv`);
    await page.filebrowser.openDirectory(tmpPath);
    await fileItem(page, 'big.csv').click({ button: 'right' });
    await page.locator('.lm-Menu-item', { hasText: 'Build Baseline…' }).click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('input[name="dataset"]')).toHaveValue(`${tmpPath}/big.csv`);
    await dialog.locator('button', { hasText: 'Build' }).click();

    const toast = page.getByRole('alert').filter({ hasText: 'Baseline of big.csv' });
    await expect(toast).toContainText(/[1-9]\d*%/, { timeout: 30_000 });
    await screenshot(toast, 'build-baseline-progress');
    await toast.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'cancelled: nothing was written' })
    ).toBeVisible({ timeout: 30_000 });
    // The engine removes what it had written, the server the folder it made for the job.
    await expect
      .poll(() => page.contents.directoryExists(`${tmpPath}/big-baseline`), { timeout: 15_000 })
      .toBe(false);
  });

  test('a failed job names the file and line, and lists the problems', async ({
    page,
    tmpPath
  }) => {
    const bad = ['{"a": 1}', '{"a": 2}', ...Array.from({ length: 6 }, () => '{oops')];
    await page.contents.uploadContent(bad.join('\n') + '\n', 'text', `${tmpPath}/bad.jsonl`);
    await page.evaluate(dataset => {
      void (window as any).jupyterapp.commands.execute('model-monitor:build-baseline', {
        dataset
      });
    }, `${tmpPath}/bad.jsonl`);
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('select[name="format"]')).toHaveValue('jsonlines');
    await dialog.locator('button', { hasText: 'Build' }).click();

    const toast = page.getByRole('alert').filter({ hasText: 'Baseline of bad.jsonl failed' });
    await expect(toast).toContainText('bad.jsonl:3:', { timeout: 30_000 });
    await expect(toast).toContainText('[malformed_json]');
    await toast.getByRole('button', { name: 'Show problems' }).click();
    const problems = page.locator('.jp-Dialog .jp-ModelMonitor-baselineProblems');
    await expect(problems).toContainText('max error rate');
    const rows = problems.locator('.jp-ModelMonitor-diagnosticsTable tbody tr');
    // The engine keeps the first examples of each kind; the count says how many there were.
    await expect(problems).toContainText('The first 5 of 6 problems');
    await expect(rows).toHaveCount(5);
    await expect(rows.first().locator('td').nth(0)).toHaveText(`${tmpPath}/bad.jsonl`);
    await expect(rows.first().locator('td').nth(1)).toHaveText('3');
    await screenshot(page.locator('.jp-Dialog-content'), 'build-baseline-failed');
    await page.locator('.jp-Dialog button', { hasText: 'Close' }).click();
  });
});
