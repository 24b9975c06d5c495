/**
 * Profile in Browser: a data file in the file browser is profiled by the engine in a Web Worker,
 * streamed from the server's files endpoint, with no Model Monitor REST call; the statistics are
 * the CLI's, byte for byte.
 */
import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { fileItem, screenshot } from './helpers';

const CLI = path.resolve(__dirname, '../../../dist/model-monitor.cjs');

/** The folder on disk behind the test's `tmpPath` (the test server's root is a temp folder). */
function diskFolder(tmpPath: string): string {
  const roots = fs
    .readdirSync(os.tmpdir())
    .filter(name => name.startsWith('galata-test-'))
    .map(name => path.join(os.tmpdir(), name, tmpPath));
  const found = roots.find(folder => fs.existsSync(folder));
  if (!found) {
    throw new Error(`no folder ${tmpPath} under the test server's root`);
  }
  return found;
}

/** A churn-like CSV with a header and one short row (a diagnostic on a known line). */
function writeCsv(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  const plans = ['basic', 'plus', 'pro'];
  let buffer = 'score,age,income,plan,active\n';
  for (let i = 0; i < rows; i++) {
    buffer +=
      i === 41
        ? '0.5,33\n'
        : `${((i * 7919) % 1000) / 1000},${18 + (i % 61)},${(i * 37.5) % 90000},${plans[i % 3]},${i % 4 === 0}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

/** Capture files of two hours (CSV payloads, score first), and a Spark marker the CLI skips. */
function writeCaptures(folder: string): void {
  for (const [hour, count] of [
    ['2024/05/01/09', 400],
    ['2024/05/01/10', 300]
  ] as const) {
    const dir = path.join(folder, ...hour.split('/'));
    fs.mkdirSync(dir, { recursive: true });
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        captureData: {
          endpointInput: {
            observedContentType: 'text/csv',
            mode: 'INPUT',
            data: `${i % 90},${(i * 13) % 7}`,
            encoding: 'CSV'
          },
          endpointOutput: {
            observedContentType: 'text/csv',
            mode: 'OUTPUT',
            data: `${(i % 10) / 10}`,
            encoding: 'CSV'
          }
        },
        eventMetadata: { eventId: `${hour}-${i}`, inferenceTime: '2024-05-01T09:00:00Z' },
        eventVersion: '0'
      })
    );
    fs.writeFileSync(path.join(dir, 'capture.jsonl'), lines.join('\n') + '\n');
  }
  fs.writeFileSync(path.join(folder, '_SUCCESS'), '');
}

function cliStatistics(dataset: string, header = true): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-cli-'));
  const args = [CLI, 'baseline', '--dataset', dataset, '--workers', '1', '--output', out];
  execFileSync(process.execPath, header ? [...args, '--header'] : args, { stdio: 'pipe' });
  return fs.readFileSync(path.join(out, 'statistics.json'), 'utf8');
}

/** Right-click → Profile in Browser → Profile (header checked). */
async function profileFromFileBrowser(page: IJupyterLabPageFixture, name: string) {
  await fileItem(page, name).click({ button: 'right' });
  await page.locator('.lm-Menu-item', { hasText: 'Profile in Browser' }).click();
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog.locator('input[name="header"]')).toBeChecked();
  await dialog.locator('button', { hasText: 'Profile' }).click();
  return page.locator('.jp-ModelMonitor-browserProfile');
}

/** Profiles `name` in the Web Worker, checks its summary line, and saves it (Save button). */
async function profileInWorkerAndSave(
  page: IJupyterLabPageFixture,
  name: string,
  summary: string
): Promise<void> {
  const view = await profileFromFileBrowser(page, name);
  await expect(view).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(view).toHaveAttribute('data-engine-context', 'worker');
  await expect(view.locator('.jp-ModelMonitor-summary')).toHaveText(summary);
  await view.locator('button[data-action="save"]').click();
  await expect(view.locator('.jp-ModelMonitor-saveStatus')).toContainText('Saved');
}

/** URLs of the page's requests from now on. */
function recordRequests(page: IJupyterLabPageFixture): string[] {
  const urls: string[] = [];
  page.on('request', request => urls.push(request.url()));
  return urls;
}

test.describe('Profile in Browser', () => {
  test('profiles a CSV in a Web Worker: the CLI statistics, no server computation', async ({
    page,
    tmpPath
  }) => {
    const folder = diskFolder(tmpPath);
    const file = path.join(folder, 'churn.csv');
    writeCsv(file, 5000);
    const expected = cliStatistics(file);
    const expectedDoc = JSON.parse(expected);
    await page.filebrowser.openDirectory(tmpPath);
    const requests = recordRequests(page);
    const workers: string[] = [];
    page.on('worker', worker => workers.push(worker.url()));

    const view = await profileFromFileBrowser(page, 'churn.csv');
    await expect(view).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(view).toHaveAttribute('data-engine-context', 'worker');
    expect(workers.some(url => /model-monitor-profile\.[0-9a-f]+\.js/.test(url))).toBe(true);

    // The statistics view shows the CLI's numbers.
    const stats = view.locator('.jp-ModelMonitor-statisticsView');
    const names = stats.locator(
      '.jp-ModelMonitor-featuresTable tbody .jp-ModelMonitor-featureName'
    );
    await expect(names).toHaveText(expectedDoc.features.map((f: { name: string }) => f.name));
    await expect(stats.locator('.jp-ModelMonitor-summary')).toHaveText(
      `5 features · ${expectedDoc.dataset.item_count.toLocaleString('en-US')} rows`
    );
    // The short row is counted and listed with its file and line.
    await expect(view.locator('.jp-ModelMonitor-diagnosticsSummary')).toContainText(
      '5,000 records read, 1 could not be read'
    );
    const diagnostic = view.locator('.jp-ModelMonitor-diagnosticsTable tbody tr');
    await expect(diagnostic).toHaveCount(1);
    await expect(diagnostic.locator('td').nth(0)).toHaveText(`${tmpPath}/churn.csv`);
    await expect(diagnostic.locator('td').nth(1)).toHaveText('43');
    await expect(stats.locator('.jp-ModelMonitor-chart svg.marks')).toBeVisible();
    await screenshot(page.locator('.jp-MainAreaWidget', { has: view }), 'profile-in-browser');

    // The bytes came from the files endpoint; no Model Monitor REST call.
    expect(requests.filter(url => url.includes('/model-monitor/'))).toEqual([]);
    expect(requests.some(url => url.includes(`/files/${tmpPath}/churn.csv`))).toBe(true);
    // The Contents API gave the file's size only (content=0), never its text in JSON.
    const contentsCalls = requests.filter(url =>
      url.includes(`/api/contents/${tmpPath}/churn.csv`)
    );
    expect(contentsCalls.filter(url => !url.includes('content=0'))).toEqual([]);

    // Saved where Build Baseline puts a baseline (#18 item 20): the CLI's statistics.json byte
    // for byte.
    await view.locator('button[data-action="save"]').click();
    await expect(view.locator('.jp-ModelMonitor-saveStatus')).toContainText('churn-baseline');
    const saved = path.join(folder, 'churn-baseline');
    expect(fs.readFileSync(path.join(saved, 'statistics.json'), 'utf8')).toBe(expected);
    expect(fs.existsSync(path.join(saved, 'constraints.json'))).toBe(true);

    // The bad record's file is a link to its line in Lab's editor (#18 item 20).
    await diagnostic.locator('td').nth(0).locator('button').click();
    await expect(page.locator('.lm-TabBar-tab', { hasText: /^churn\.csv$/ })).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const editor = (window as any).jupyterapp.shell.currentWidget?.content?.editor;
          return editor ? editor.getLine(editor.getCursorPosition().line) : null;
        })
      )
      .toBe('0.5,33');
  });

  test('profiles a folder of captures in the worker, saved beside the folder', async ({
    page,
    tmpPath
  }) => {
    const folder = diskFolder(tmpPath);
    writeCaptures(path.join(folder, 'captures'));
    const expected = cliStatistics(path.join(folder, 'captures'), false);
    await page.filebrowser.openDirectory(tmpPath);

    await profileInWorkerAndSave(page, 'captures', '3 features · 700 rows');
    expect(fs.readFileSync(path.join(folder, 'captures-baseline', 'statistics.json'), 'utf8')).toBe(
      expected
    );
    expect(fs.existsSync(path.join(folder, 'captures', 'statistics.json'))).toBe(false);
  });

  test('profiles an Arrow file in the worker, which loads the Arrow reader on demand', async ({
    page,
    tmpPath
  }) => {
    const folder = diskFolder(tmpPath);
    const file = path.join(folder, 'scores.arrow');
    const rows = 3000;
    const table = tableFromArrays({
      score: Float64Array.from({ length: rows }, (_, i) => ((i * 7919) % 1000) / 1000),
      age: Int32Array.from({ length: rows }, (_, i) => 18 + (i % 61)),
      plan: Array.from({ length: rows }, (_, i) => ['basic', 'plus', 'pro'][i % 3])
    });
    fs.writeFileSync(file, tableToIPC(table, 'file'));
    const expected = cliStatistics(file, false);
    await page.filebrowser.openDirectory(tmpPath);
    const scripts: string[] = [];
    page.on('request', request => scripts.push(request.url()));

    await profileInWorkerAndSave(page, 'scores.arrow', '3 features · 3,000 rows');
    expect(fs.readFileSync(path.join(folder, 'scores-baseline', 'statistics.json'), 'utf8')).toBe(
      expected
    );
    // Loaded on demand: a chunk of its own (named so in the development build the tests run).
    expect(scripts.some(url => /arrowReader_js\.[0-9a-f]+\.js$/.test(url))).toBe(true);
  });

  test('cancels a large file: the worker stops', async ({ page, tmpPath }) => {
    const folder = diskFolder(tmpPath);
    writeCsv(path.join(folder, 'large.csv'), 2_500_000);
    await page.filebrowser.openDirectory(tmpPath);
    const closed: string[] = [];
    page.on('worker', worker => worker.on('close', () => closed.push(worker.url())));

    const view = await profileFromFileBrowser(page, 'large.csv');
    await expect(view.locator('.jp-ModelMonitor-progressText')).toContainText('Reading:', {
      timeout: 30_000
    });
    await screenshot(view.locator('.jp-ModelMonitor-profileHeader'), 'profile-in-browser-progress');
    await view.locator('button[data-action="cancel"]').click();
    await expect(view).toHaveAttribute('data-status', 'cancelled');
    await expect(view).toContainText('Cancelled.');
    await expect.poll(() => closed.length, { timeout: 5_000 }).toBe(1);
  });

  test('runs on the page when the worker cannot start', async ({ page, tmpPath }) => {
    const folder = diskFolder(tmpPath);
    const file = path.join(folder, 'small.csv');
    writeCsv(file, 2000);
    const expected = JSON.parse(cliStatistics(file));
    // The worker's script cannot load: its error event comes before it started.
    await page.route(/model-monitor-profile\.[0-9a-f]+\.js/, route => route.abort());
    await page.filebrowser.openDirectory(tmpPath);

    // From the Model Monitor menu, which asks for the path.
    await page.menu.clickMenuItem('Model Monitor>Profile in Browser');
    const dialog = page.locator('.jp-Dialog');
    await dialog.locator('input[name="path"]').fill(`${tmpPath}/small.csv`);
    await screenshot(dialog.locator('.jp-Dialog-content'), 'profile-in-browser-dialog');
    await dialog.locator('button', { hasText: 'Profile' }).click();
    const view = page.locator('.jp-ModelMonitor-browserProfile');
    await expect(view).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(view).toHaveAttribute('data-engine-context', 'inline');
    await expect(view.locator('.jp-ModelMonitor-engineContext')).toHaveText(
      'Profiled on the page (no Web Worker could start).'
    );
    await expect(view.locator('.jp-ModelMonitor-summary')).toHaveText(
      `5 features · ${expected.dataset.item_count.toLocaleString('en-US')} rows`
    );
  });
});
