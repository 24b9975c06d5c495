import { expect, test } from '@jupyterlab/galata';

import * as fs from 'fs';
import * as path from 'path';

import {
  ARTIFACTS,
  FIXTURES,
  HOSTILE_NAME,
  README_SCREENSHOT,
  fileItem,
  forbidAlerts,
  screenshot
} from './helpers';
import { writeMonitorData } from './monitorFixtures';
import { monitorDataBasics, ScheduleFormPage } from './scheduleFormPage';

test.describe('Monitors in the side panel', () => {
  test('create a schedule in the form, run it now, see violations and open the results', async ({
    page,
    tmpPath
  }) => {
    const alerts = forbidAlerts(page);
    await writeMonitorData(page, tmpPath);
    const name = `churn-${Date.now()}`;

    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
    );
    const panel = page.locator('#jp-ModelMonitor-sidePanel');
    await expect(panel.locator('.jp-ModelMonitor-emptyState')).toBeVisible();
    await expect(panel).toContainText('Schedules run while a Jupyter server');

    // The form: a preview of the next runs follows the schedule preset.
    await panel.locator('button', { hasText: 'New schedule…' }).click();
    const dialog = page.locator('.jp-Dialog');
    const form = dialog.locator('.jp-ModelMonitor-scheduleForm');
    await expect(form).toBeVisible();
    await new ScheduleFormPage(page).fillBasics(monitorDataBasics(name, tmpPath));
    await form.locator('select[name="preset"]').selectOption('custom');
    await form.locator('input[name="customCron"]').fill('*/15 * * *');
    await expect(form.locator('.jp-ModelMonitor-schedulePreview')).toContainText('5 fields');
    await form.locator('input[name="customCron"]').fill('30 6 * * mon-fri');
    const preview = form.locator('.jp-ModelMonitor-schedulePreview li');
    await expect(preview).toHaveCount(3);
    await expect(preview.first()).not.toContainText(/Saturday|Sunday/);
    await form.locator('select[name="preset"]').selectOption('daily');
    await expect(form.locator('input[name="customCron"]')).toBeHidden();
    // A webhook URL the server refuses: its 400 shows next to the field, the values stay.
    await form.locator('input[name="webhookUrl"]').fill('ftp://example.com/hook');
    await screenshot(dialog.locator('.jp-Dialog-content'), 'schedule-form');
    await dialog.locator('button', { hasText: 'Create' }).click();

    const webhookError = form.locator('[data-error-for="webhookUrl"]');
    await expect(webhookError).toContainText('http');
    await expect(form.locator('input[name="name"]')).toHaveValue(name);
    await expect(form.locator('select[name="preset"]')).toHaveValue('daily');
    await screenshot(dialog.locator('.jp-Dialog-content'), 'schedule-form-error');
    await form.locator('input[name="webhookUrl"]').fill('');
    await dialog.locator('button', { hasText: 'Create' }).click();
    await expect(dialog).toHaveCount(0);

    const monitor = panel.locator('.jp-ModelMonitor-monitor', {
      has: page.locator('.jp-ModelMonitor-monitorName', { hasText: name })
    });
    await expect(monitor.locator('.jp-ModelMonitor-badge')).toHaveAttribute('data-status', 'never');
    await expect(monitor).toContainText('Next run');
    await expect(monitor).toContainText('Backend: local');
    await expect(panel.locator('.jp-ModelMonitor-emptyState')).toBeHidden();

    // Run now: the run ends with violations, in the badge and in the notification.
    await monitor.locator('button[data-action="run"]').click();
    await expect(
      monitor.locator('.jp-ModelMonitor-monitorHeader .jp-ModelMonitor-badge')
    ).toHaveAttribute('data-status', 'violations', { timeout: 30_000 });
    const execution = monitor.locator('.jp-ModelMonitor-execution').first();
    await expect(execution.locator('.jp-ModelMonitor-badge')).toHaveText('Violations');
    await expect(execution).toContainText('violations');
    await expect(
      page.getByRole('alert').filter({ hasText: `${name}: 4 violations` })
    ).toBeVisible();
    await screenshot(panel, 'side-panel-monitor');

    // Open results: the run's violations and statistics open in the Model Monitor views.
    await execution.locator('button[data-action="open-results"]').click();
    await expect(page.locator('.jp-ModelMonitor-violationsView')).toBeVisible();
    await expect(page.locator('.lm-TabBar-tab', { hasText: 'statistics.json' })).toHaveCount(1);
    // The run's folder is named by when the run was asked for (#18 item 11).
    await expect(page.locator('.lm-TabBar-tab', { hasText: 'statistics.json' })).toHaveAttribute(
      'title',
      /manual\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[0-9a-f]{8}\/statistics\.json/
    );
    await expect(page.locator('.jp-ModelMonitor-violationsView')).toContainText(
      'baseline_drift_check'
    );
    await screenshot(page.locator('#jp-main-dock-panel'), 'monitor-results');

    // Compare with baseline: drift bars, the overview, and the selected feature's distributions.
    await execution.locator('button[data-action="compare"]').click();
    const comparison = page.locator('.jp-ModelMonitor-comparisonView');
    await expect(comparison).toBeVisible();
    const rows = comparison.locator('.jp-ModelMonitor-comparisonTable tbody tr');
    await expect(rows.locator('.jp-ModelMonitor-featureName')).toHaveText([
      'income',
      'age',
      'city'
    ]);
    await expect(rows.first().locator('.jp-ModelMonitor-badge')).toHaveText([
      'baseline_drift_check'
    ]);
    // Red, and counted, are the features the run's drift check reported (#18 item 1).
    const driftBadges = await rows
      .locator('.jp-ModelMonitor-badge', { hasText: 'baseline_drift_check' })
      .count();
    expect(driftBadges).toBeGreaterThan(0);
    await expect(comparison.locator('.jp-ModelMonitor-summary')).toContainText(
      `3 features · ${driftBadges} with a drift violation`
    );
    await expect(comparison.locator('td.jp-ModelMonitor-drifted')).toHaveCount(driftBadges);
    await expect(comparison.locator('.jp-ModelMonitor-driftChart svg.marks')).toBeVisible();
    const cdf = comparison.locator('.jp-ModelMonitor-cdfChart svg.marks');
    await expect(cdf.locator('text', { hasText: /^Largest gap: / })).toHaveCount(1);
    await expect(comparison.locator('.jp-ModelMonitor-gapCaption')).toContainText(
      'Largest CDF gap (raw L∞)'
    );
    await expect(comparison.locator('.jp-ModelMonitor-gapCaption')).toContainText(
      'the gap less an allowance for the sample sizes (Robust)'
    );
    // The run's toasts would cover the charts in the screenshots.
    await page.addStyleTag({ content: '.Toastify { display: none; }' });
    await page.screenshot({ path: README_SCREENSHOT });
    await screenshot(comparison.locator('.jp-ModelMonitor-statisticsBody'), 'comparison-table');
    await screenshot(comparison.locator('.jp-ModelMonitor-comparisonDetail'), 'comparison-numeric');
    await rows.filter({ hasText: 'city' }).click();
    await expect(comparison.locator('.jp-ModelMonitor-chartTitle')).toHaveText('city');
    await expect(comparison.locator('.jp-ModelMonitor-cdfChart')).toBeHidden();
    await expect(
      comparison.locator('.jp-ModelMonitor-distributionChart svg.marks text', {
        hasText: /^Berlin$/
      })
    ).toHaveCount(1);
    await screenshot(
      comparison.locator('.jp-ModelMonitor-comparisonDetail'),
      'comparison-categorical'
    );

    // A second run, from the palette this time, then the metric history: one point per run,
    // runs with violations in red.
    await page.keyboard.press('Control+Shift+C');
    const palette = page.locator('#command-palette');
    await palette.locator('.lm-CommandPalette-input').fill('Run Monitor Now');
    await palette.locator('.lm-CommandPalette-item', { hasText: 'Run Monitor Now…' }).click();
    const pick = page.locator('.jp-Dialog');
    await pick.locator('select').selectOption(name);
    await pick.locator('button', { hasText: 'OK' }).click();
    const executions = monitor.locator('.jp-ModelMonitor-execution');
    await expect(executions).toHaveCount(2);
    await expect(executions.first().locator('.jp-ModelMonitor-badge')).toHaveAttribute(
      'data-status',
      'violations',
      { timeout: 30_000 }
    );
    await monitor.locator('button[data-action="metrics"]').click();
    const metrics = page.locator('.jp-ModelMonitor-metricHistory');
    await expect(metrics.locator('.jp-ModelMonitor-summary')).toHaveText('2 runs');
    const metricSelect = metrics.locator('select[aria-label="Metric"]');
    await expect(metricSelect.locator('option').first()).toHaveText('dataset_item_count');
    // Grouped by feature, with short names (#18 item 17).
    const ageDrift = metricSelect.locator('optgroup[label="Feature: age"] option', {
      hasText: 'baseline_drift'
    });
    await metricSelect.selectOption((await ageDrift.getAttribute('value'))!);
    const symbols = metrics.locator(
      '.jp-ModelMonitor-metricChart svg.marks .mark-symbol.role-mark path'
    );
    await expect(symbols).toHaveCount(2);
    await expect(
      metrics.locator('svg.marks text', { hasText: 'feature_baseline_drift_age' })
    ).toHaveCount(1);
    await screenshot(metrics, 'metric-history');

    // Several metrics on one chart (#19 item 3), each drift series with its threshold.
    const compare = metrics.locator('select.jp-ModelMonitor-compareSelect');
    const incomeDrift = compare.locator('optgroup[label="Feature: income"] option', {
      hasText: 'baseline_drift'
    });
    await compare.selectOption((await incomeDrift.getAttribute('value'))!);
    await expect(metrics.locator('.jp-ModelMonitor-chip')).toHaveText([
      'feature_baseline_drift_income×'
    ]);
    await expect(symbols).toHaveCount(4);
    await expect(
      metrics.locator('.jp-ModelMonitor-metricChart svg.marks .mark-rule.role-mark line')
    ).toHaveCount(2);
    await screenshot(metrics, 'metric-history-compared');
    await metrics.locator('.jp-ModelMonitor-chipRemove').click();
    await expect(symbols).toHaveCount(2);

    // Drift over time (#19 item 3): a feature × run heatmap; a cell opens that run's comparison
    // at that feature.
    const heatmap = metrics.locator('.jp-ModelMonitor-driftHeatmap svg.marks');
    await expect(heatmap).toBeVisible();
    const cells = heatmap.locator('.mark-rect.role-mark path');
    expect(await cells.count()).toBeGreaterThanOrEqual(driftBadges);
    await expect(heatmap.locator('text', { hasText: /^city$/ })).toHaveCount(1);
    await screenshot(metrics.locator('.jp-ModelMonitor-driftHeatmap'), 'drift-heatmap');
    const cityCell = heatmap.locator('.mark-rect.role-mark path[aria-label*="Feature: city"]');
    const views = page.locator('.jp-ModelMonitor-comparisonView');
    const opened = await views.count();
    await cityCell.first().click();
    await expect(views).toHaveCount(opened + 1);
    const atCity = views.last();
    await expect(atCity.locator('.jp-ModelMonitor-chartTitle')).toHaveText('city');
    await expect(atCity.locator('tr[aria-selected="true"]')).toContainText('city');

    // What if (#19 item 4): a looser drift threshold, not saved, replayed over both past runs.
    await page.evaluate(
      path => (window as any).jupyterapp.commands.execute('docmanager:open', { path }),
      `${tmpPath}/baseline/constraints.json`
    );
    const editor = page.locator('.jp-ModelMonitor-constraintsEditor');
    await expect(editor).toHaveAttribute('data-history-ready', 'true');
    const threshold = editor.locator('[data-key="global:comparison_threshold"]');
    await threshold.fill('0.99');
    await threshold.press('Enter');
    await editor.locator('button[data-action="what-if"]').click();
    const whatIf = page.locator('.jp-ModelMonitor-whatIf');
    // The global threshold is the numeric features' (city, a String, keeps its own).
    await expect(whatIf.locator('.jp-ModelMonitor-whatIfSummary')).toHaveText(
      'Your edits would raise 0 and clear 4 violations over 2 past runs.'
    );
    const replayed = whatIf.locator('tbody tr');
    await expect(replayed).toHaveCount(2);
    const cleared = replayed.first().locator('.jp-ModelMonitor-cleared .jp-ModelMonitor-chip');
    await expect(cleared).toHaveText([
      'age · baseline_drift_check',
      'income · baseline_drift_check'
    ]);
    await expect(
      replayed.first().locator('.jp-ModelMonitor-raised .jp-ModelMonitor-chip')
    ).toHaveCount(0);
    await screenshot(whatIf, 'what-if');
    // Nothing was saved by the replay; saved now, so that no unsaved file is left behind.
    const constraintsTab = page.locator('.lm-TabBar-tab', { hasText: 'constraints.json' });
    await expect(constraintsTab).toHaveClass(/jp-mod-dirty/);
    await constraintsTab.click();
    await page.keyboard.press('Control+s');
    await expect(constraintsTab).not.toHaveClass(/jp-mod-dirty/);

    // Pause and resume.
    await monitor.locator('button[data-action="pause"]').click();
    await expect(monitor.locator('.jp-ModelMonitor-nextRun')).toHaveText('Paused');
    await monitor.locator('button[data-action="resume"]').click();
    await expect(monitor.locator('.jp-ModelMonitor-nextRun')).toContainText('Next run');

    // Delete, after confirming.
    await monitor.locator('button[data-action="delete"]').click();
    const confirm = page.locator('.jp-Dialog');
    await expect(confirm).toContainText(`Delete monitor ${name}?`);
    await screenshot(confirm.locator('.jp-Dialog-content'), 'delete-monitor');
    await confirm.locator('button', { hasText: 'Delete' }).click();
    await expect(monitor).toHaveCount(0);
    await expect(panel.locator('.jp-ModelMonitor-emptyState')).toBeVisible();
    expect(alerts).toEqual([]);
  });
});

test('compare two statistics files chosen in the file browser', async ({ page, tmpPath }) => {
  const alerts = forbidAlerts(page);
  const baseline = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'statistics.json'), 'utf-8'));
  // The current file: every age 15 years older, so that the age CDFs part.
  const current = JSON.parse(JSON.stringify(baseline));
  const age = current.features.find((f: any) => f.name === 'age').numerical_statistics;
  age.distribution.kll.sketch.data = age.distribution.kll.sketch.data.map((level: number[]) =>
    level.map(v => v + 15)
  );
  for (const bucket of age.distribution.kll.buckets) {
    bucket.lower_bound += 15;
    bucket.upper_bound += 15;
  }
  await page.contents.uploadContent(
    JSON.stringify(baseline),
    'text',
    `${tmpPath}/a_statistics.json`
  );
  await page.contents.uploadContent(
    JSON.stringify(current),
    'text',
    `${tmpPath}/b_statistics.json`
  );
  await page.filebrowser.openDirectory(tmpPath);

  await fileItem(page, 'a_statistics.json').click();
  await fileItem(page, 'b_statistics.json').click({ modifiers: ['Control'] });
  await fileItem(page, 'b_statistics.json').click({ button: 'right' });
  await page.locator('.lm-Menu-item', { hasText: 'Compare Statistics…' }).click();
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog.locator('input[name="baseline"]')).toHaveValue(
    `${tmpPath}/a_statistics.json`
  );
  await expect(dialog.locator('input[name="current"]')).toHaveValue(`${tmpPath}/b_statistics.json`);
  await dialog.locator('button', { hasText: 'Compare' }).click();

  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  const names = comparison.locator('.jp-ModelMonitor-comparisonTable .jp-ModelMonitor-featureName');
  await expect(names.first()).toHaveText('age');
  await expect(names.filter({ hasText: HOSTILE_NAME })).toHaveCount(1);
  await expect(comparison.locator('.jp-ModelMonitor-cdfChart svg.marks')).toBeVisible();
  await screenshot(comparison, 'comparison-files');

  // Hostile names are text in the table, the detail title and the drift chart's axis.
  await comparison.locator('tr', { hasText: HOSTILE_NAME }).click();
  await expect(comparison.locator('.jp-ModelMonitor-chartTitle')).toHaveText(HOSTILE_NAME);
  await expect(
    // Vega shortens long axis labels with an ellipsis.
    comparison.locator('.jp-ModelMonitor-driftChart svg.marks text', {
      hasText: '<img src=x onerror='
    })
  ).toHaveCount(1);
  await expect(comparison.locator('img')).toHaveCount(0);

  // Every chart saves as SVG or PNG (#19 item 5), named after what it shows.
  await comparison.locator('tr', { hasText: /^age/ }).click();
  const cdfChart = comparison.locator('.jp-ModelMonitor-cdfChart');
  await cdfChart.locator('details > summary').click();
  const download = page.waitForEvent('download');
  await cdfChart.getByText('Save as SVG').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('age.svg');
  expect(fs.readFileSync(await saved.path(), 'utf-8')).toContain('<svg');
  await page.keyboard.press('Escape');
  // Tables save as CSV: the rows shown, every column.
  const csvDownload = page.waitForEvent('download');
  await comparison.locator('button[data-action="export-csv"]').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('comparison-drift.csv');
  const csv = fs.readFileSync(await csvFile.path(), 'utf-8').split('\r\n');
  expect(csv[0]).toBe(
    'feature,kind,missing_baseline,missing_current,drift,raw_drift,drift_threshold,drifted,violations'
  );
  expect(csv.some(line => line.startsWith('age,numeric,'))).toBe(true);
  expect(csv).toContain(`${HOSTILE_NAME},categorical,0,0,0,,0.1,false,`);
  // The comparison as one HTML file to share: tables and static SVG, no script (#19 item 5).
  const reportDownload = page.waitForEvent('download');
  await comparison.locator('button[data-action="export-report"]').click();
  const reportFile = await reportDownload;
  expect(reportFile.suggestedFilename()).toMatch(/-report\.html$/);
  const html = fs.readFileSync(await reportFile.path(), 'utf-8');
  expect(html).toContain('<svg');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toMatch(/<script|<img/);
  // Saved under its own name: Chromium renders a file as HTML by its extension.
  const reportPath = path.join(test.info().outputDir, 'report.html');
  await reportFile.saveAs(reportPath);
  const reportPage = await page.context().newPage();
  await reportPage.goto(`file://${reportPath}`);
  await expect(reportPage.locator('h2', { hasText: 'Drift by feature' })).toBeVisible();
  await reportPage.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
  await reportPage.close();

  await page.theme.setDarkTheme();
  await comparison.locator('tr', { hasText: /^age/ }).click();
  await expect(comparison.locator('.jp-ModelMonitor-cdfChart svg.marks')).toBeVisible();
  await screenshot(comparison, 'comparison-dark');
  await page.theme.setLightTheme();
  expect(alerts).toEqual([]);
});
