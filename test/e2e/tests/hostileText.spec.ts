/**
 * Hostile text in result files (issue 8): HTML, Vega expression syntax, a 5,000-character string
 * and Unicode must render as text in every view, never as markup or code, and must not break the
 * layout. The files are written by the test itself (our own made-up data).
 */
import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';

import { fileItem, forbidAlerts, screenshot } from './helpers';

const HTML_IMG = '<img src=x onerror=window.__pwned=1>';
const HTML_SCRIPT = '<script>window.__pwned=2</script>';
const VEGA_DATUM = "datum.x + ''; window.__pwned=3";
const VEGA_TEMPLATE = "{{constructor.constructor('window.__pwned=4')()}}";
const VEGA_BRACKETS = '"]]; alert(1) //';
const LONG = 'long_' + 'x'.repeat(4995);
// RTL, an emoji, a combining acute accent (e + U+0301) and a zero-width joiner sequence.
const UNICODE = 'مرحبا 🚀 e\u0301 👩\u200d💻';

const HOSTILE = [HTML_IMG, HTML_SCRIPT, VEGA_DATUM, VEGA_TEMPLATE, VEGA_BRACKETS, LONG, UNICODE];
/** Strings that can be file names (no `/`, at most 255 bytes): the Vega one loses its `//`. */
const FILE_SAFE = [HTML_IMG, VEGA_DATUM, VEGA_TEMPLATE, '"]]; alert(1)', UNICODE];

function categorical(name: string, values: string[]) {
  const buckets = values.map((value, i) => ({ value, count: 10 + 5 * i }));
  const present = buckets.reduce((sum, b) => sum + b.count, 0);
  return {
    name,
    inferred_type: 'String',
    string_statistics: {
      common: { num_present: present, num_missing: 0 },
      distinct_count: values.length,
      completeness: 1,
      distribution: { categorical: { buckets } }
    }
  };
}

function numeric(name: string, shift = 0) {
  const values = Array.from({ length: 50 }, (_, i) => i + shift);
  const buckets = Array.from({ length: 10 }, (_, i) => ({
    lower_bound: shift + i * 5,
    upper_bound: shift + (i + 1) * 5,
    count: 5
  }));
  return {
    name,
    inferred_type: 'Integral',
    numerical_statistics: {
      common: { num_present: 50, num_missing: 0 },
      mean: 24.5 + shift,
      sum: values.reduce((a, b) => a + b, 0),
      std_dev: 14.4,
      min: shift,
      max: 49 + shift,
      approximate_num_distinct_values: 50,
      completeness: 1,
      distribution: {
        kll: { buckets, sketch: { parameters: { c: 0.64, k: 2048 }, data: [values] } }
      }
    }
  };
}

/** Every hostile string as a feature name, each feature's buckets being the hostile strings. */
function statistics(shift = 0) {
  return {
    version: 0,
    dataset: { item_count: 295 },
    features: [numeric('age', shift), ...HOSTILE.map(name => categorical(name, HOSTILE))]
  };
}

function violations() {
  return {
    violations: HOSTILE.map((name, i) => ({
      feature_name: name,
      constraint_check_type: 'categorical_values_check',
      description: HOSTILE[(i + 1) % HOSTILE.length]
    })),
    'x-jupyterlab-model-monitor': {
      version: 1,
      drift_tests: HOSTILE.map(name => ({
        feature_name: name,
        test: 'jensen_shannon',
        statistic: 0.2,
        threshold: 0.1,
        drift: true
      }))
    }
  };
}

async function upload(page: IJupyterLabPageFixture, document: unknown, path: string) {
  await page.contents.uploadContent(JSON.stringify(document), 'text', path);
}

/** Exact textContent of every match (no whitespace normalisation, unlike toHaveText). */
function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll(nodes => nodes.map(node => node.textContent ?? ''));
}

/** Nothing from the data became markup or ran. */
async function expectInert(page: IJupyterLabPageFixture, scope: Locator, alerts: string[]) {
  const injected = await scope
    .locator('img, script, iframe, object, embed')
    .evaluateAll(nodes => nodes.map(node => node.outerHTML.slice(0, 200)));
  expect(injected).toEqual([]);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(alerts).toEqual([]);
}

/** The container does not scroll sideways and the table ends within it. */
async function expectNoHorizontalOverflow(container: Locator, table: Locator) {
  const overflow = await container.evaluate(node => node.scrollWidth - node.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  const box = (await container.boundingBox())!;
  const tableBox = (await table.boundingBox())!;
  expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
}

test.describe('Hostile text renders as text', () => {
  test('statistics view: table, chart title and axis, tooltip', async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    await upload(page, statistics(), `${tmpPath}/statistics.json`);
    await page.filebrowser.openDirectory(tmpPath);
    await fileItem(page, 'statistics.json').dblclick();

    const widget = page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget');
    const view = widget.locator('.jp-ModelMonitor-statisticsView');
    const table = view.locator('.jp-ModelMonitor-featuresTable');
    const names = table.locator('tbody .jp-ModelMonitor-featureName');
    await expect(names).toHaveCount(HOSTILE.length + 1);
    expect(await texts(names)).toEqual(['age', ...HOSTILE]);
    await expectNoHorizontalOverflow(widget, table);
    // The long name is clipped (ellipsis) and readable in full on hover.
    const longName = names.nth(HOSTILE.indexOf(LONG) + 1);
    expect(await longName.evaluate(node => node.scrollWidth > node.clientWidth)).toBe(true);
    expect(await longName.getAttribute('title')).toBe(LONG);
    await screenshot(widget, 'hostile-statistics');

    const chart = view.locator('.jp-ModelMonitor-chart svg.marks');
    for (const name of HOSTILE) {
      await names
        .filter({ hasText: name.slice(0, 40) })
        .first()
        .click();
      const title = view.locator('.jp-ModelMonitor-chartTitle');
      await expect.poll(() => title.evaluate(node => node.textContent)).toBe(name);
      await expect(chart).toBeVisible();
      // The axis title is the feature name (Vega shortens long ones with an ellipsis).
      const svgTexts = await texts(chart.locator('text'));
      expect(svgTexts.some(text => text.startsWith(name.slice(0, 20)))).toBe(true);
      // Bucket values label the other axis.
      for (const value of [HTML_IMG, HTML_SCRIPT, VEGA_TEMPLATE, UNICODE]) {
        expect(svgTexts.some(text => text.startsWith(value.slice(0, 12)))).toBe(true);
      }
      await expectInert(page, view, alerts);
    }
    await expectNoHorizontalOverflow(widget, table);
    await screenshot(widget, 'hostile-statistics-long');

    // Tooltips: each bar's bucket value is escaped text.
    const bars = chart.locator('.mark-rect path');
    await expect(bars).toHaveCount(HOSTILE.length);
    const tooltip = page.locator('#vg-tooltip-element');
    for (const [i, value] of [HTML_IMG, HTML_SCRIPT, VEGA_DATUM, UNICODE].entries()) {
      await bars.nth(HOSTILE.indexOf(value)).hover();
      await expect(tooltip).toBeVisible();
      await expect
        .poll(() => tooltip.evaluate(node => node.textContent ?? ''))
        .toContain(value.slice(0, 30));
      await expect(tooltip.locator('img, script, b')).toHaveCount(0);
      if (i === 0) {
        await screenshot(page.locator('#jp-main-dock-panel'), 'hostile-statistics-tooltip');
      }
    }
    await expectInert(page, widget, alerts);
    await expectInert(page, tooltip, alerts);
  });

  test('violations view: feature, description and drift tests', async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    await upload(page, violations(), `${tmpPath}/constraint_violations.json`);
    await page.filebrowser.openDirectory(tmpPath);
    await fileItem(page, 'constraint_violations.json').dblclick();

    const widget = page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget');
    const view = widget.locator('.jp-ModelMonitor-violationsView');
    const table = view.locator('.jp-ModelMonitor-violationsTable');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(HOSTILE.length);
    expect(await texts(rows.locator('td:nth-child(1)'))).toEqual(HOSTILE);
    const descriptions = await texts(rows.locator('td'));
    for (const text of HOSTILE) {
      expect(descriptions.filter(cellText => cellText === text)).toHaveLength(2);
    }
    const drift = view.locator('.jp-ModelMonitor-driftTable');
    await expect(drift.locator('tbody tr')).toHaveCount(HOSTILE.length);
    expect(await texts(drift.locator('tbody tr td:nth-child(1)'))).toEqual(HOSTILE);

    await expectNoHorizontalOverflow(widget, table);
    await expectNoHorizontalOverflow(widget, drift);
    await screenshot(widget, 'hostile-violations');
    await expectInert(page, view, alerts);
  });

  test('comparison view: table, detail title and chart axis', async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    await upload(page, statistics(), `${tmpPath}/a_statistics.json`);
    await upload(page, statistics(15), `${tmpPath}/b_statistics.json`);
    await page.filebrowser.openDirectory(tmpPath);
    await fileItem(page, 'a_statistics.json').click();
    await fileItem(page, 'b_statistics.json').click({ modifiers: ['Control'] });
    await fileItem(page, 'b_statistics.json').click({ button: 'right' });
    await page.locator('.lm-Menu-item', { hasText: 'Compare Statistics…' }).click();
    await page.locator('.jp-Dialog button', { hasText: 'Compare' }).click();

    const comparison = page.locator('.jp-ModelMonitor-comparisonView');
    const table = comparison.locator('.jp-ModelMonitor-comparisonTable');
    const names = table.locator('tbody .jp-ModelMonitor-featureName');
    await expect(names).toHaveCount(HOSTILE.length + 1);
    expect((await texts(names)).sort()).toEqual(['age', ...HOSTILE].sort());
    const titles = await names.evaluateAll(nodes => nodes.map(node => (node as HTMLElement).title));
    expect(titles.sort()).toEqual(['age', ...HOSTILE].sort());
    await expectNoHorizontalOverflow(comparison, table);
    await screenshot(comparison, 'hostile-comparison');

    const title = comparison.locator('.jp-ModelMonitor-chartTitle');
    const axis = comparison.locator('.jp-ModelMonitor-driftChart svg.marks text');
    for (const name of HOSTILE) {
      await names
        .filter({ hasText: name.slice(0, 40) })
        .first()
        .click();
      await expect.poll(() => title.evaluate(node => node.textContent)).toBe(name);
      const axisTexts = await texts(axis);
      expect(axisTexts.some(text => text.startsWith(name.slice(0, 12)))).toBe(true);
      await expectInert(page, comparison, alerts);
    }
    await expectNoHorizontalOverflow(comparison, table);
    await screenshot(comparison, 'hostile-comparison-detail');
  });

  test('notebook MIME output', async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    await upload(page, statistics(), `${tmpPath}/statistics.json`);
    await upload(page, violations(), `${tmpPath}/constraint_violations.json`);
    await page.filebrowser.openDirectory(tmpPath);
    await page.notebook.createNew('hostile.ipynb');
    await page.notebook.setCell(
      0,
      'code',
      [
        'import json',
        'from IPython.display import display',
        "display({'application/vnd.model-monitor.statistics+json': json.load(open('statistics.json'))}, raw=True)",
        "display({'application/vnd.model-monitor.violations+json': json.load(open('constraint_violations.json'))}, raw=True)"
      ].join('\n')
    );
    await page.notebook.runCell(0);
    const output = page.locator('.jp-OutputArea-output.jp-ModelMonitor-mimeRenderer', {
      has: page.locator('.jp-ModelMonitor-statisticsView')
    });
    await expect(output).toBeVisible();
    const names = output.locator('.jp-ModelMonitor-featureName');
    await expect(names).toHaveCount(HOSTILE.length + 1);
    expect(await texts(names)).toEqual(['age', ...HOSTILE]);
    await expectNoHorizontalOverflow(output, output.locator('.jp-ModelMonitor-featuresTable'));

    const violationsOutput = page.locator(
      '.jp-ModelMonitor-mimeRenderer .jp-ModelMonitor-violationsView'
    );
    const rows = violationsOutput.locator('.jp-ModelMonitor-violationsTable tbody tr');
    await expect(rows).toHaveCount(HOSTILE.length);
    expect(await texts(rows.locator('td:nth-child(1)'))).toEqual(HOSTILE);
    await screenshot(output, 'hostile-mime-output');
    await expectInert(page, page.locator('.jp-OutputArea'), alerts);
  });

  test("side panel's result-file list", async ({ page, tmpPath }) => {
    const alerts = forbidAlerts(page);
    for (const name of FILE_SAFE) {
      await upload(page, statistics(), `${tmpPath}/hostile/${name}_statistics.json`);
    }
    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
    );
    const panel = page.locator('#jp-ModelMonitor-sidePanel');
    await expect(panel).toBeVisible();
    const links = panel.locator('.jp-ModelMonitor-fileList .jp-ModelMonitor-fileLink');
    await expect(links).toHaveCount(FILE_SAFE.length);
    const shown = await texts(links);
    expect(shown.sort()).toEqual(
      FILE_SAFE.map(name => `${tmpPath}/hostile/${name}_statistics.json`).sort()
    );
    for (const link of await links.all()) {
      expect(await link.getAttribute('title')).toBe(`Open ${await texts(link).then(t => t[0])}`);
    }
    const overflow = await panel.evaluate(node => node.scrollWidth - node.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(panel, 'hostile-side-panel');
    await expectInert(page, panel, alerts);
  });
});
