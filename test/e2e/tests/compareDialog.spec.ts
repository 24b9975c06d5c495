import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { FIXTURES, screenshot } from './helpers';

// #18 item 10: the Compare Statistics dialog closed silently on an empty field, left out the
// run's violations, and called a cut-short file "not a Model Monitor statistics.json".
test('the compare dialog asks again for a missing file and picks up the run’s violations', async ({
  page,
  tmpPath
}) => {
  const baseline = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'statistics.json'), 'utf-8'));
  const current = JSON.parse(JSON.stringify(baseline));
  const age = current.features.find((f: any) => f.name === 'age').numerical_statistics;
  age.distribution.kll.sketch.data = age.distribution.kll.sketch.data.map((level: number[]) =>
    level.map(v => v + 15)
  );
  const violations = {
    violations: [
      {
        feature_name: 'age',
        constraint_check_type: 'baseline_drift_check',
        description: 'Baseline drift distance: 0.5 exceeds threshold: 0.1'
      }
    ]
  };
  const upload = (value: unknown, file: string) =>
    page.contents.uploadContent(JSON.stringify(value), 'text', `${tmpPath}/${file}`);
  await upload(baseline, 'base/statistics.json');
  await upload(current, 'run/statistics.json');
  await upload(violations, 'run/constraint_violations.json');
  await page.contents.uploadContent(
    '{"version": 0.0, "features": [',
    'text',
    `${tmpPath}/cut/statistics.json`
  );

  const openDialog = () =>
    page.evaluate(() => {
      void (window as any).jupyterapp.commands.execute('model-monitor:compare-statistics');
    });
  await openDialog();
  const dialog = page.locator('.jp-Dialog');
  await dialog.locator('input[name="baseline"]').fill(`${tmpPath}/base/statistics.json`);
  await dialog.locator('button', { hasText: 'Compare' }).click();
  // Asked again, with what is missing, and the value kept.
  await expect(dialog.locator('.jp-ModelMonitor-fieldError')).toHaveText(
    'Choose the current statistics.json.'
  );
  await expect(dialog.locator('input[name="baseline"]')).toHaveValue(
    `${tmpPath}/base/statistics.json`
  );
  await screenshot(dialog.locator('.jp-Dialog-content'), 'compare-dialog-missing-file');
  await dialog.locator('input[name="current"]').fill(`${tmpPath}/run/statistics.json`);
  await dialog.locator('button', { hasText: 'Compare' }).click();

  // The run's constraint_violations.json beside its statistics gives the badges.
  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  const ageRow = comparison.locator('.jp-ModelMonitor-comparisonTable tbody tr', {
    hasText: 'age'
  });
  await expect(ageRow.locator('.jp-ModelMonitor-badge')).toHaveText(['baseline_drift_check']);

  await openDialog();
  await dialog.locator('input[name="baseline"]').fill(`${tmpPath}/base/statistics.json`);
  await dialog.locator('input[name="current"]').fill(`${tmpPath}/cut/statistics.json`);
  await dialog.locator('button', { hasText: 'Compare' }).click();
  await expect(page.locator('.jp-Dialog')).toContainText('is not valid JSON: is it cut short');
});

test('the compare dialog picks a file with Lab’s file dialog, opened where the field points', async ({
  page,
  tmpPath
}) => {
  const statistics = fs.readFileSync(path.join(FIXTURES, 'statistics.json'), 'utf-8');
  await page.contents.uploadContent(statistics, 'text', `${tmpPath}/base/statistics.json`);
  await page.contents.uploadContent(statistics, 'text', `${tmpPath}/run/statistics.json`);
  await page.evaluate(() => {
    void (window as any).jupyterapp.commands.execute('model-monitor:compare-statistics');
  });
  const form = page.locator('.jp-ModelMonitor-compareForm');
  await form.locator('input[name="baseline"]').fill(`${tmpPath}/base/statistics.json`);
  await form.locator('input[name="current"]').fill(`${tmpPath}/run/stat`);
  await form.locator('button[data-browse="current"]').click();

  const picker = page.locator('.jp-Dialog', { has: page.locator('.jp-DirListing') });
  await expect(picker.locator('.jp-DirListing-item')).toHaveCount(1);
  await picker.locator('.jp-DirListing-item', { hasText: 'statistics.json' }).click();
  await screenshot(picker.locator('.jp-Dialog-content'), 'compare-dialog-file-picker');
  await picker.locator('button', { hasText: 'Select' }).click();
  await expect(picker).toHaveCount(0);
  await expect(form.locator('input[name="current"]')).toHaveValue(`${tmpPath}/run/statistics.json`);
  await page.locator('.jp-Dialog button', { hasText: 'Compare' }).click();
  await expect(page.locator('.jp-ModelMonitor-comparisonView')).toBeVisible();
});
