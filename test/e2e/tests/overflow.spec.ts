import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { screenshot } from './helpers';

// #18 item 14: at 900 px the side panel scrolled sideways, and the capture and comparison charts
// overflowed their views by 15-30 px, clipping the last axis label.
test.use({ viewport: { width: 900, height: 700 } });

/** How far each matching element's content is wider than the element itself. */
async function overflowOf(page: any, selector: string): Promise<number[]> {
  return page.evaluate(
    (sel: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(sel)).map(
        node => node.scrollWidth - node.clientWidth
      ),
    selector
  );
}

test('views fit their width at 900 px', async ({ page, tmpPath }) => {
  const examples = path.resolve(__dirname, '../../../examples');
  test.skip(
    !fs.existsSync(path.join(examples, 'monitoring/late-hours')),
    'SKIPPED: run make examples'
  );
  test.setTimeout(120_000);
  await page.contents.uploadDirectory(
    path.join(examples, 'captures/churn-endpoint'),
    `${tmpPath}/captures`
  );
  await page.contents.uploadDirectory(path.join(examples, 'baseline'), `${tmpPath}/baseline`);
  await page.contents.uploadDirectory(
    path.join(examples, 'monitoring/late-hours'),
    `${tmpPath}/late-hours`
  );
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
  );
  await expect(page.locator('#jp-ModelMonitor-sidePanel')).toBeVisible();
  expect(await overflowOf(page, '#jp-ModelMonitor-sidePanel')).toEqual([0]);

  await page.evaluate(
    p => (window as any).jupyterapp.commands.execute('model-monitor:load-captures', { path: p }),
    `${tmpPath}/captures`
  );
  const captures = page.locator('.jp-ModelMonitor-captureSummary').last();
  await expect(captures.locator('svg.marks').first()).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(500); // charts fit their width on the next frame
  for (const overflow of await overflowOf(
    page,
    '.jp-ModelMonitor-captureSummary .jp-ModelMonitor-chart'
  )) {
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await screenshot(page.locator('#jp-main-dock-panel'), 'captures-900');

  await page.evaluate(
    p =>
      (window as any).jupyterapp.commands.execute('model-monitor:compare-statistics', {
        baseline: `${p}/baseline/statistics.json`,
        current: `${p}/late-hours/statistics.json`
      }),
    tmpPath
  );
  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  await expect(comparison.locator('.jp-ModelMonitor-cdfChart svg.marks')).toBeVisible();
  await page.waitForTimeout(500);
  for (const overflow of await overflowOf(
    page,
    '.jp-ModelMonitor-comparisonView .jp-ModelMonitor-chart'
  )) {
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await screenshot(page.locator('#jp-main-dock-panel'), 'comparison-900');

  // Feature names stay whole in the violations table ("monthly_ch arges" broke mid-word).
  await page.evaluate(
    p => (window as any).jupyterapp.commands.execute('docmanager:open', { path: p }),
    `${tmpPath}/late-hours/constraint_violations.json`
  );
  const violations = page.locator('.jp-ModelMonitor-violationsView');
  await expect(violations.locator('.jp-ModelMonitor-violationsTable tbody tr')).toHaveCount(7);
  const linesPerName = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        '.jp-ModelMonitor-violationsView .jp-ModelMonitor-violationsTable tbody td:first-child'
      )
    ).map(cell => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set(Array.from(range.getClientRects(), r => Math.round(r.top))).size;
    })
  );
  expect(linesPerName.length).toBe(7);
  expect(linesPerName.every(lines => lines === 1)).toBe(true);
  await screenshot(violations, 'violations-900');
  expect(await overflowOf(page, '.jp-ModelMonitor-violationsView')).toEqual([0]);
});
