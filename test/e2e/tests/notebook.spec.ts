/**
 * The notebook side in a real kernel: `%load_ext jupyterlab_model_monitor`, the magics running
 * the engine CLI with a live progress line, `display(statistics=…, baseline=…)` and a kernel
 * interrupt cancelling a run.
 */
import { IJupyterLabPageFixture, expect, test } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';

import { forbidAlerts, screenshot } from './helpers';

/** Small CSVs written by the kernel: `score` moves up by 0.8 in drifted.csv. */
const WRITE_DATA = `import random
rng = random.Random(7)
def write(path, rows, shift):
    lines = [f"{rng.random() + shift:.6f},{rng.choice(['basic', 'premium'])},{rng.randint(0, 5)}"
             for _ in range(rows)]
    open(path, 'w').write('score,plan,calls\\n' + '\\n'.join(lines) + '\\n')
write('training.csv', 400, 0.0)
write('drifted.csv', 200, 0.8)
%load_ext jupyterlab_model_monitor`;

const MONITOR_CELLS = [
  WRITE_DATA,
  '%model_monitor baseline --dataset training.csv --header --output baseline',
  '%model_monitor monitor --dataset drifted.csv --header --baseline baseline --output run',
  `import jupyterlab_model_monitor as mm
mm.display(statistics='run', baseline='baseline', violations='run/constraint_violations.json')`,
  '%model_monitor show run --baseline baseline',
  '%model_monitor show nowhere'
];

// The plan is quoted, so the engine reads the file with the text reader and the run lasts seconds:
// the byte-level core takes plain lines too fast to interrupt.
const INTERRUPT_CELLS = [
  `open('large.csv', 'w').write('score,plan,calls\\n' + '0.5,"basic",3\\n' * 4_000_000)
%load_ext jupyterlab_model_monitor`,
  '%model_monitor baseline --dataset large.csv --header --output big --workers 1'
];

/** Writes a notebook of code cells next to the test's files (typing them is slow) and opens it. */
async function openNotebook(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  name: string,
  sources: string[]
) {
  const cell = (source: string) => ({
    cell_type: 'code',
    metadata: {},
    source,
    outputs: [],
    execution_count: null
  });
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: sources.map(cell)
  };
  await page.contents.uploadContent(JSON.stringify(notebook), 'text', `${tmpPath}/${name}`);
  await page.filebrowser.openDirectory(tmpPath);
  await page.notebook.openByPath(`${tmpPath}/${name}`);
  await page.notebook.activate(name);
}

function outputOf(page: IJupyterLabPageFixture, index: number): Locator {
  return page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea');
}

function comparisonIn(output: Locator): Locator {
  return output.locator('.jp-ModelMonitor-comparisonRenderer .jp-ModelMonitor-comparisonView');
}

test('magics build a baseline, run a monitor and show the comparison', async ({
  page,
  tmpPath
}) => {
  const alerts = forbidAlerts(page);
  await openNotebook(page, tmpPath, 'monitor.ipynb', MONITOR_CELLS);
  await page.notebook.runCell(0, { inplace: true });

  await page.notebook.runCell(1, { inplace: true });
  const baseline = outputOf(page, 1);
  // One progress line, updated in place, then the statistics view.
  await expect(baseline.locator('pre')).toHaveCount(1);
  await expect(baseline.locator('pre')).toHaveText(
    /^model-monitor baseline: done · 400 rows · .* s → baseline$/
  );
  await expect(baseline.locator('.jp-ModelMonitor-statisticsView')).toBeVisible();
  await expect(baseline.locator('.jp-ModelMonitor-featureName')).toHaveText([
    'score',
    'plan',
    'calls'
  ]);

  await page.notebook.runCell(2, { inplace: true });
  const monitor = outputOf(page, 2);
  await expect(monitor.locator('pre')).toHaveText(/done · 200 rows · \d+ violations? · /);
  const comparison = comparisonIn(monitor);
  await expect(comparison).toBeVisible();
  await expect(comparison.locator('.jp-ModelMonitor-comparedFiles')).toHaveText(
    'Baseline: baseline/statistics.jsonCurrent: run/statistics.json'
  );
  // `score` drifted: first row, above the threshold, with its drift badge.
  const first = comparison.locator('tbody tr').first();
  await expect(first).toContainText('score');
  await expect(first.locator('.jp-ModelMonitor-drifted')).toHaveCount(1);
  await expect(first.locator('.jp-ModelMonitor-badge')).toHaveText(['baseline_drift_check']);
  await expect(comparison.locator('.jp-ModelMonitor-driftChart svg.marks')).toBeVisible();
  await expect(comparison.locator('.jp-ModelMonitor-chartTitle')).toHaveText('score');
  await screenshot(monitor, 'notebook-monitor-comparison');

  // The same comparison from Python and from `show`, and a clear error without a traceback.
  await page.notebook.runCell(3, { inplace: true });
  await expect(comparisonIn(outputOf(page, 3)).locator('tbody tr').first()).toContainText('score');
  await page.notebook.runCell(4, { inplace: true });
  const shown = comparisonIn(outputOf(page, 4));
  await expect(shown.locator('.jp-ModelMonitor-comparedFiles')).toHaveText(
    'Baseline: baseline/statistics.jsonCurrent: run/statistics.json'
  );
  await expect(shown.locator('.jp-ModelMonitor-badge')).toHaveText(['baseline_drift_check']);
  await page.notebook.runCell(5, { inplace: true });
  const failed = outputOf(page, 5);
  await expect(failed).toContainText('ModelMonitorError: nowhere: no such file or folder');
  await expect(failed).not.toContainText('Traceback');
  await screenshot(failed, 'notebook-error');
  expect(alerts).toEqual([]);
});

// Galata's kernel tracker parses every kernels POST as JSON, and an interrupt answers 204 with
// no body: this test runs without the tracker and shuts its kernel down itself.
test.describe('without the kernel tracker', () => {
  test.use({ kernels: null });

  test('a kernel interrupt cancels a run and leaves no output', async ({ page, tmpPath }) => {
    await openNotebook(page, tmpPath, 'interrupt.ipynb', INTERRUPT_CELLS);
    await page.notebook.runCell(0, { inplace: true });
    await page.notebook.runCell(1, { inplace: true, wait: false });
    const output = outputOf(page, 1);
    await expect(output.locator('pre')).toContainText('reading [', { timeout: 30_000 });
    await screenshot(output, 'notebook-progress');
    await page.menu.clickMenuItem('Kernel>Interrupt Kernel');
    await expect(output).toContainText(
      'ModelMonitorCancelled: model-monitor baseline was interrupted (exit 130); it wrote nothing to big'
    );
    await expect(output.locator('pre').first()).toHaveText('model-monitor baseline: cancelled');
    expect(await page.contents.fileExists(`${tmpPath}/big/statistics.json`)).toBe(false);
    await page.menu.clickMenuItem('Kernel>Shut Down Kernel');
  });
});
