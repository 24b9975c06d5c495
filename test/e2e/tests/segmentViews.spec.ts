import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { rest, screenshot } from './helpers';
import { sidePanel } from './scheduleFormPage';

// The demo segmented by region (examples/generate.py): a baseline and a run per 6 hours.
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const BASELINE = path.join(EXAMPLES, 'baseline-by-region');
const RUN = path.join(EXAMPLES, 'monitoring/by-region/2026/11/02/00');
const CAPTURES = path.join(EXAMPLES, 'captures/churn-endpoint/AllTraffic');
const HOURS = ['2026/11/01/18', '2026/11/01/19', '2026/11/01/20', '2026/11/01/21'];

/** The parts of the files read here (segments.json and SageMaker's files). */
interface Index {
  segments: { value: string | null; folder: string; item_count: number; violations?: number }[];
}
type Common = { num_present: number; num_missing: number };
interface Statistics {
  dataset: { item_count: number };
  features: {
    name: string;
    numerical_statistics?: { common: Common };
    string_statistics?: { common: Common };
  }[];
}
interface Violations {
  violations: { feature_name: string; constraint_check_type: string }[];
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** A share as the comparison table writes it (formatPercent, in the browser's en-US). */
const percent = (share: number) =>
  (share * 100).toLocaleString('en-US', { maximumFractionDigits: 2 }) + '%';

/** A feature's missing share in a statistics.json. */
function missingShare(statistics: Statistics, feature: string): number {
  const found = statistics.features.find(f => f.name === feature)!;
  const common = (found.numerical_statistics ?? found.string_statistics)!.common;
  return common.num_missing / (common.num_missing + common.num_present);
}

/** The features a constraint_violations.json reports drift for, sorted. */
function drifted(violations: Violations): string[] {
  return violations.violations
    .filter(v => v.constraint_check_type === 'baseline_drift_check')
    .map(v => v.feature_name)
    .sort();
}

/** A file under the server root, parsed, read through the page's contents manager. */
function serverJson<T>(page: IJupyterLabPageFixture, file: string): Promise<T> {
  return page.evaluate(async file => {
    const model = await (window as any).jupyterapp.serviceManager.contents.get(file, {
      content: true,
      format: 'text',
      type: 'file'
    });
    return JSON.parse(model.content);
  }, file);
}

test.beforeEach(() => {
  test.skip(!fs.existsSync(RUN), `SKIPPED: ${RUN} is absent: run make examples`);
});

test('a segmented run compares each segment with the baseline’s', async ({ page, tmpPath }) => {
  await page.contents.uploadDirectory(BASELINE, `${tmpPath}/baseline`);
  await page.contents.uploadDirectory(RUN, `${tmpPath}/run`);
  await page.evaluate(
    args => (window as any).jupyterapp.commands.execute('model-monitor:compare-statistics', args),
    { baseline: `${tmpPath}/baseline/statistics.json`, current: `${tmpPath}/run/statistics.json` }
  );
  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  const select = comparison.locator('select.jp-ModelMonitor-segmentSelect');
  const index: Index = readJson(path.join(RUN, 'segments.json'));
  const overall: Statistics = readJson(path.join(RUN, 'statistics.json'));
  const rows = (n: number) => `${n.toLocaleString('en-US')} rows`;
  await expect(select.locator('option')).toHaveText([
    new RegExp(`^All data · ${rows(overall.dataset.item_count)} · ⚠ `),
    ...index.segments.map(s => new RegExp(`^${s.value} · ${rows(s.item_count)}`))
  ]);
  await expect(comparison.locator('.jp-ModelMonitor-segmentLabel')).toContainText(
    'Segment by region'
  );

  const table = comparison.locator('.jp-ModelMonitor-comparisonTable');
  const missingCell = (feature: string) => table.locator(`tr[data-feature="${feature}"] td`).nth(3);
  const driftBadges = table.locator('tr', {
    has: page.locator('.jp-ModelMonitor-badge', { hasText: 'baseline_drift_check' })
  });
  const showsNumbersOf = async (folder: string) => {
    const statistics: Statistics = readJson(path.join(folder, 'statistics.json'));
    const violations: Violations = readJson(path.join(folder, 'constraint_violations.json'));
    await expect(missingCell('credit_score')).toHaveText(
      percent(missingShare(statistics, 'credit_score'))
    );
    const names = await driftBadges.evaluateAll(rows =>
      rows.map(row => (row as HTMLElement).dataset.feature!)
    );
    expect(names.sort()).toEqual(drifted(violations));
  };
  await showsNumbersOf(RUN);

  // North: its own files, against the baseline's north.
  const north = index.segments.find(s => s.value === 'north')!;
  const northOption = select.locator('option', { hasText: /^north · / });
  await select.selectOption((await northOption.getAttribute('value'))!);
  await expect(comparison.locator('.jp-ModelMonitor-segmentNote')).toHaveText(
    "compared with the baseline's segment"
  );
  await expect(comparison.locator('.jp-ModelMonitor-comparedFiles')).toContainText(
    `Current: ${tmpPath}/run/${north.folder}/statistics.json`
  );
  await expect(comparison.locator('.jp-ModelMonitor-comparedFiles')).toContainText(
    /Baseline: .*\/baseline\/segments\/\d\d-north\/statistics\.json/
  );
  await showsNumbersOf(path.join(RUN, north.folder));
  await expect(comparison.locator('.jp-ModelMonitor-recordsButton')).toHaveCount(0);
  await screenshot(comparison, 'comparison-segment');

  await select.selectOption({ index: 0 });
  await expect(comparison.locator('.jp-ModelMonitor-segmentNote')).toHaveText('');
  await showsNumbersOf(RUN);
});

test('the drift heatmap shows one segment at a time and opens its comparison', async ({
  page,
  tmpPath
}) => {
  test.setTimeout(240_000);
  for (const hour of HOURS) {
    await page.contents.uploadDirectory(
      path.join(CAPTURES, hour),
      `${tmpPath}/captures/AllTraffic/${hour}`
    );
  }
  await page.contents.uploadDirectory(BASELINE, `${tmpPath}/baseline`);
  const monitor = await rest(page, 'POST', 'monitors', {
    name: `by-region-${Date.now()}`,
    dataset: `${tmpPath}/captures`,
    baseline_statistics: `${tmpPath}/baseline/statistics.json`,
    baseline_constraints: `${tmpPath}/baseline/constraints.json`,
    segment: { by: 'region' }
  });
  const outputs: string[] = [];
  for (const [start, end] of [
    ['2026-11-01T18:00:00Z', '2026-11-01T20:00:00Z'],
    ['2026-11-01T20:00:00Z', '2026-11-01T22:00:00Z']
  ]) {
    const started = await rest(page, 'POST', `monitors/${monitor.id}/runs`, {
      window_start: start,
      window_end: end
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
    outputs.push(execution.output);
  }
  // What the north segment's drift checks reported, run by run.
  const northDrift = new Set<string>();
  let northViolated = 0;
  for (const output of outputs) {
    const index = await serverJson<Index>(page, `${output}/segments.json`);
    const north = index.segments.find(s => s.value === 'north')!;
    const violations = await serverJson<Violations>(
      page,
      `${output}/${north.folder}/constraint_violations.json`
    );
    drifted(violations).forEach(feature => northDrift.add(feature));
    northViolated += north.violations ? 1 : 0;
  }
  expect(northDrift.size).toBeGreaterThan(0);

  // The metric history opens a cell's comparison for a monitor the side panel lists.
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
  );
  await expect(sidePanel(page).locator(`[data-monitor-name="${monitor.name}"]`)).toBeVisible();
  await page.evaluate(
    monitorId =>
      (window as any).jupyterapp.commands.execute('model-monitor:show-metrics', { monitorId }),
    monitor.id
  );
  const metrics = page.locator('.jp-ModelMonitor-metricHistory');
  const select = metrics.locator('select.jp-ModelMonitor-segmentSelect');
  await expect(select.locator('option').first()).toHaveText('All data');
  await expect(select.locator('optgroup')).toHaveAttribute('label', 'By region');
  // Each region, marked when its runs had violations.
  const regions = await select.locator('optgroup option').allTextContents();
  expect(regions.map(text => text.split(' · ')[0]).sort()).toEqual([
    'central',
    'east',
    'north',
    'south',
    'west'
  ]);
  await expect(select.locator('option', { hasText: /^north/ })).toHaveText(
    northViolated
      ? `north · ⚠ violations in ${northViolated} run${northViolated > 1 ? 's' : ''}`
      : 'north'
  );

  const heatmap = metrics.locator('.jp-ModelMonitor-driftHeatmap svg.marks');
  await expect(heatmap).toBeVisible();
  const rowLabels = async () => {
    const labels = await heatmap
      .locator('.mark-rect.role-mark path')
      .evaluateAll(cells =>
        cells.map(cell => /Feature: ([^;]+)/.exec(cell.getAttribute('aria-label') ?? '')?.[1])
      );
    return [...new Set(labels)].sort();
  };
  const northOption = select.locator('option', { hasText: /^north/ });
  await select.selectOption((await northOption.getAttribute('value'))!);
  await expect.poll(rowLabels).toEqual([...northDrift].sort());
  await page.addStyleTag({ content: '.Toastify { display: none; }' });
  await screenshot(metrics, 'drift-heatmap-segment');

  // A cell opens that run's comparison in the north segment.
  await heatmap.locator('.mark-rect.role-mark path').first().click();
  const comparison = page.locator('.jp-ModelMonitor-comparisonView');
  await expect(comparison).toBeVisible();
  await expect(
    comparison.locator('select.jp-ModelMonitor-segmentSelect option:checked')
  ).toHaveText(/^north · /);
  await expect(comparison.locator('.jp-ModelMonitor-segmentNote')).toHaveText(
    "compared with the baseline's segment"
  );
  await rest(page, 'DELETE', `monitors/${monitor.id}`);
});
