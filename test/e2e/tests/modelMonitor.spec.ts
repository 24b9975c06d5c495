import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import * as path from 'path';

import {
  FIXTURES,
  HOSTILE_NAME,
  fileItem,
  forbidAlerts,
  openResultsFolder,
  screenshot
} from './helpers';

const STATISTICS_FEATURES = ['age', 'income', 'occupation', HOSTILE_NAME, 'city'];

test.describe('Model Monitor result files', () => {
  test.beforeEach(async ({ page, tmpPath }) => {
    await openResultsFolder(page, tmpPath);
  });

  test('statistics.json opens in the Statistics view with a chart', async ({ page }) => {
    const alerts = forbidAlerts(page);
    await fileItem(page, 'statistics.json').dblclick();

    const view = page.locator('.jp-ModelMonitor-statisticsView');
    await expect(view).toBeVisible();
    const names = view.locator('.jp-ModelMonitor-featuresTable tbody .jp-ModelMonitor-featureName');
    await expect(names).toHaveText(STATISTICS_FEATURES);
    await expect(view.locator('.jp-ModelMonitor-summary')).toHaveText('5 features · 500 rows');

    // The first feature's histogram is drawn as SVG, its axis titled with the feature name.
    const chart = view.locator('.jp-ModelMonitor-chart svg.marks');
    await expect(chart).toBeVisible();
    await expect(chart.locator('text', { hasText: /^age$/ })).toHaveCount(1);
    await expect(chart.locator('path[aria-roledescription="bar"], .mark-rect path')).toHaveCount(
      10
    );
    await screenshot(
      page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget'),
      'statistics'
    );

    // A hostile feature name is text: in the table, the chart title and the SVG axis.
    await view.locator('tr', { hasText: HOSTILE_NAME }).click();
    await expect(view.locator('.jp-ModelMonitor-chartTitle')).toHaveText(HOSTILE_NAME);
    await expect(chart.locator('text', { hasText: HOSTILE_NAME })).toHaveCount(1);
    await expect(chart.locator('text', { hasText: '<script>alert(2)' })).toHaveCount(1);
    await expect(view.locator('img')).toHaveCount(0);
    await screenshot(view, 'statistics-hostile');

    // Tooltip on a bar: values are escaped, not HTML.
    await chart.locator('.mark-rect path').first().hover();
    const tooltip = page.locator('#vg-tooltip-element');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('img, script, b')).toHaveCount(0);
    await expect(tooltip).toContainText('<b>bold</b>');
    await screenshot(page.locator('#jp-main-dock-panel'), 'statistics-tooltip');

    // Filter and sort.
    await view.locator('.jp-ModelMonitor-search').fill('inc');
    await expect(names).toHaveText(['income']);
    await view.locator('.jp-ModelMonitor-search').fill('');
    await view.locator('th[data-column="missingShare"] button').click();
    await view.locator('th[data-column="missingShare"] button').click();
    await expect(names.first()).toHaveText('income');
    expect(alerts).toEqual([]);
  });

  test('result tabs name their run, and naming them renames no file', async ({ page, tmpPath }) => {
    const statistics = `${FIXTURES}/statistics.json`;
    const runs = [
      [`${tmpPath}/monitoring/churn/2026/11/01/13`, 'churn 11-01 13:00 · statistics.json'],
      [`${tmpPath}/monitoring/churn/2026/11/01/14`, 'churn 11-01 14:00 · statistics.json'],
      [`${tmpPath}/training-baseline`, 'training-baseline · statistics.json']
    ];
    for (const [folder] of runs) {
      await page.contents.uploadFile(statistics, `${folder}/statistics.json`);
    }
    await page.contents.uploadFile(
      path.resolve(__dirname, '../../../examples/baseline/constraints.json'),
      `${tmpPath}/training-baseline/constraints.json`
    );
    const open = (file: string) =>
      page.evaluate(async path => {
        await (window as any).jupyterapp.commands.execute('docmanager:open', { path });
      }, file);
    for (const [folder] of runs) {
      await open(`${folder}/statistics.json`);
    }
    await open(`${tmpPath}/training-baseline/constraints.json`);
    const labels = page.locator('#jp-main-dock-panel .lm-TabBar-tabLabel');
    for (const [, label] of runs) {
      await expect(labels.filter({ hasText: label })).toHaveCount(1);
    }
    await expect(labels.filter({ hasText: 'training-baseline · constraints.json' })).toHaveCount(1);
    await screenshot(page.locator('#jp-main-dock-panel .lm-TabBar').first(), 'result-tabs');
    for (const [folder] of runs) {
      expect(await page.contents.fileExists(`${folder}/statistics.json`)).toBe(true);
    }
    expect(await page.contents.fileExists(`${tmpPath}/training-baseline/constraints.json`)).toBe(
      true
    );
  });

  test('dark theme keeps the view readable', async ({ page }) => {
    await page.theme.setDarkTheme();
    await fileItem(page, 'statistics.json').dblclick();
    const view = page.locator('.jp-ModelMonitor-statisticsView');
    await view.locator('tr', { hasText: 'city' }).click();
    await expect(
      view.locator('.jp-ModelMonitor-chart svg.marks text', { hasText: /^city$/ })
    ).toHaveCount(1);
    await screenshot(
      page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget'),
      'statistics-dark'
    );
    await page.theme.setLightTheme();
  });

  test('the chart follows the width of its pane', async ({ page }) => {
    await fileItem(page, 'statistics.json').dblclick();
    const view = page.locator('.jp-ModelMonitor-statisticsView');
    const chart = view.locator('.jp-ModelMonitor-chart svg.marks');
    const pane = view.locator('.jp-ModelMonitor-chartPane');
    await expect(chart).toBeVisible();
    const gap = async () => (await pane.boundingBox())!.width - (await chart.boundingBox())!.width;
    await expect.poll(gap).toBeLessThan(40);

    // A wide tab (1300px and more) puts the chart beside the table instead of under it: the chart resizes with it.
    const before = (await chart.boundingBox())!.width;
    await page.setViewportSize({ width: 1600, height: 800 });
    await page.sidebar.close('left');
    await expect.poll(async () => (await chart.boundingBox())!.width).not.toBe(before);
    await expect.poll(gap).toBeLessThan(40);
    await expect.poll(gap).toBeGreaterThanOrEqual(0);
    await screenshot(
      page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget'),
      'statistics-wide'
    );
  });

  test('constraint_violations.json opens as tables with a check-type filter', async ({ page }) => {
    const alerts = forbidAlerts(page);
    await fileItem(page, 'constraint_violations.json').dblclick();

    const view = page.locator('.jp-ModelMonitor-violationsView');
    await expect(view).toBeVisible();
    const rows = view.locator('.jp-ModelMonitor-violationsTable tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(2).locator('td').first()).toHaveText(HOSTILE_NAME);
    const driftRows = view.locator('.jp-ModelMonitor-driftTable tbody tr');
    await expect(driftRows).toHaveCount(4);
    await view.locator('.jp-ModelMonitor-driftOnly input').check();
    await expect(driftRows).toHaveCount(2);
    await view.locator('.jp-ModelMonitor-driftOnly input').uncheck();
    await screenshot(
      page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget'),
      'violations'
    );

    await view.locator('.jp-ModelMonitor-checkFilter').selectOption('completeness_check');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('td').first()).toHaveText('income');
    await expect(view.locator('img')).toHaveCount(0);
    expect(alerts).toEqual([]);
  });

  test('other JSON stays with the editor but offers Open With', async ({ page }) => {
    await fileItem(page, 'settings.json').dblclick();
    await expect(
      page.locator('.lm-TabBar-tab.jp-mod-current', { hasText: 'settings.json' })
    ).toBeVisible();
    await expect(page.locator('.jp-ModelMonitor-document')).toHaveCount(0);

    await fileItem(page, 'settings.json').click({ button: 'right' });
    await page.locator('.lm-Menu-item', { hasText: 'Open With' }).hover();
    const entry = page.locator('.lm-Menu-item', { hasText: 'Model Monitor Statistics' });
    await expect(entry).toBeVisible();
    await entry.click();
    await expect(page.locator('.jp-ModelMonitor-message')).toContainText(
      'not a Model Monitor statistics.json'
    );
  });
});

test('a notebook output renders the statistics MIME bundle', async ({ page, tmpPath }) => {
  const alerts = forbidAlerts(page);
  await openResultsFolder(page, tmpPath);
  await page.filebrowser.openDirectory(tmpPath);
  await page.notebook.createNew('mime.ipynb');
  await page.notebook.setCell(
    0,
    'code',
    [
      'import json',
      'from IPython.display import display',
      "document = json.load(open('results/statistics.json'))",
      "display({'application/vnd.model-monitor.statistics+json': document}, raw=True)",
      "violations = json.load(open('results/constraint_violations.json'))",
      "display({'application/vnd.model-monitor.violations+json': violations}, raw=True)"
    ].join('\n')
  );
  await page.notebook.runCell(0);
  const output = page.locator('.jp-OutputArea-output.jp-ModelMonitor-mimeRenderer', {
    has: page.locator('.jp-ModelMonitor-statisticsView')
  });
  await expect(output).toBeVisible();
  await expect(output.locator('.jp-ModelMonitor-featureName')).toHaveText(STATISTICS_FEATURES);
  await expect(
    output.locator('.jp-ModelMonitor-chart svg.marks text', { hasText: /^age$/ })
  ).toHaveCount(1);
  await screenshot(output, 'mime-output');
  const violations = page.locator('.jp-ModelMonitor-mimeRenderer .jp-ModelMonitor-violationsView');
  await expect(violations.locator('.jp-ModelMonitor-violationsTable tbody tr')).toHaveCount(4);
  expect(alerts).toEqual([]);
});

test('the palette command opens the Model Monitor panel', async ({ page }) => {
  await page.keyboard.press('Control+Shift+C');
  const palette = page.locator('#command-palette');
  await palette.locator('.lm-CommandPalette-input').fill('Open Model Monitor panel');
  await palette.locator('.lm-CommandPalette-item', { hasText: 'Open Model Monitor panel' }).click();

  const panel = page.locator('#jp-ModelMonitor-sidePanel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('No monitors yet');
  await expect(panel.locator('code')).toHaveText(
    'model-monitor baseline --dataset train.csv --header --output baseline'
  );
  // The server part is installed with the same version: no dialog.
  await page.waitForTimeout(500);
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  await screenshot(panel, 'side-panel');

  await expect(page.locator('.lm-MenuBar-item', { hasText: 'Model Monitor' })).toBeVisible();
});

test.describe('server health', () => {
  const openPanel = (page: IJupyterLabPageFixture) =>
    page.evaluate(() => (window as any).jupyterapp.commands.execute('model-monitor:open-panel'));

  test('one dialog explains a missing server extension', async ({ page }) => {
    let requests = 0;
    await page.route('**/model-monitor/health*', route => {
      requests++;
      return route.fulfill({ status: 404, body: 'Not Found' });
    });
    await openPanel(page);
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('server extension is not running');
    await screenshot(dialog.locator('.jp-Dialog-content'), 'health-missing');
    await dialog.locator('button', { hasText: 'OK' }).click();
    await openPanel(page);
    await page.waitForTimeout(300);
    await expect(dialog).toHaveCount(0);
    expect(requests).toBe(1);
  });

  test('a version mismatch is reported', async ({ page }) => {
    await page.route('**/model-monitor/health*', route =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"status":"ok","version":"9.9.9"}'
      })
    );
    await openPanel(page);
    await expect(page.locator('.jp-Dialog')).toContainText('version 9.9.9');
  });
});

test('the extension loads without console errors and restores its panel', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  await page.reload();
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
  );
  await expect(page.locator('#jp-ModelMonitor-sidePanel')).toBeVisible();
  // The layout is saved to the workspace shortly after a change.
  await page.waitForTimeout(2000);
  await page.reload();
  await expect(page.locator('#jp-ModelMonitor-sidePanel')).toBeVisible();
  expect(errors.filter(text => /model.?monitor/i.test(text))).toEqual([]);
});
