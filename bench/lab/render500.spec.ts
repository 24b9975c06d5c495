/**
 * Measures how fast JupyterLab shows a 500-feature statistics.json made by the real CLI: opening it
 * from the file browser until the features table and the first chart are drawn, filtering the table,
 * and selecting another feature until its chart is drawn. Times are measured in the page with
 * `performance.now()` and printed; they are never asserted.
 */
import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { seededRandom as seeded } from '../../src/engine/modelQuality/random';

const ROOT = path.resolve(__dirname, '../..');
const ROWS = 2000;
const NUMERIC = 300;
const STRING = 200;
const FEATURES = NUMERIC + STRING;
const REPEATS = 3;
const FILTER = 'num_01';
const SELECT = 'str_123';

function featureNames(): string[] {
  const pad = (i: number) => String(i).padStart(3, '0');
  return [
    ...Array.from({ length: NUMERIC }, (_, i) => `num_${pad(i)}`),
    ...Array.from({ length: STRING }, (_, i) => `str_${pad(i)}`)
  ];
}

/** Writes the seeded CSV and runs `model-monitor baseline` on it; returns statistics.json's text. */
function buildStatistics(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-render500-'));
  try {
    const random = seeded(500);
    const names = featureNames();
    const lines = [names.join(',')];
    for (let row = 0; row < ROWS; row++) {
      const cells = names.map((_, column) => {
        if (column < NUMERIC) {
          // Integral and fractional columns, with a few missing cells.
          if (random() < 0.02) {
            return '';
          }
          return column % 2 === 0
            ? String(Math.floor(random() * 1000))
            : (random() * 100 - 50).toFixed(3);
        }
        return `cat_${Math.floor(random() * (5 + (column % 20)))}`;
      });
      lines.push(cells.join(','));
    }
    const dataset = path.join(dir, 'data.csv');
    fs.writeFileSync(dataset, lines.join('\n') + '\n');
    const output = path.join(dir, 'baseline');
    execFileSync(process.execPath, [
      path.join(ROOT, 'dist/model-monitor.cjs'),
      'baseline',
      '--dataset',
      dataset,
      '--header',
      '--output',
      output,
      '--workers',
      '1',
      '--progress',
      'none'
    ]);
    return fs.readFileSync(path.join(output, 'statistics.json'), 'utf-8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  tableMs: number;
  tableRows: number;
  firstChartMs: number;
  filterMs: number;
  filteredRows: number;
  selectChartMs: number;
}

test('render a 500-feature statistics.json', async ({ page, tmpPath }) => {
  const text = buildStatistics();
  expect(JSON.parse(text).features).toHaveLength(FEATURES);
  await page.contents.uploadContent(text, 'text', `${tmpPath}/statistics.json`);
  await page.filebrowser.openDirectory(tmpPath);

  const runs: Run[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    await page.evaluate(() => (window as any).jupyterapp.commands.execute('application:close-all'));
    await expect(page.locator('.jp-ModelMonitor-statisticsView')).toHaveCount(0);
    const item = page.locator('.jp-DirListing-item', {
      has: page.locator('.jp-DirListing-itemText', { hasText: /^statistics\.json$/ })
    });
    await item.click();

    const run: Run = await page.evaluate(
      async ({ features, filter, select }) => {
        /** Resolves with the time at which `ready` first returns a value, checked on every DOM change. */
        const waitFor = <T>(ready: () => T | null | undefined | false): Promise<T> =>
          new Promise((resolve, reject) => {
            const check = () => {
              const value = ready();
              if (value) {
                observer.disconnect();
                clearTimeout(timer);
                resolve(value);
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true
            });
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error('timed out'));
            }, 120_000);
            check();
          });
        const view = () => document.querySelector('.jp-ModelMonitor-statisticsView');
        const rows = () =>
          view()?.querySelectorAll(
            '.jp-ModelMonitor-featuresTable tbody .jp-ModelMonitor-featureName'
          ).length ?? 0;
        const chartWith = (name: string) =>
          Array.from(view()?.querySelectorAll('.jp-ModelMonitor-chart svg text') ?? []).some(
            node => node.textContent === name
          );

        const start = performance.now();
        void (window as any).jupyterapp.commands.execute('filebrowser:open');
        // The table renders every row (it is not virtualised): wait for all of them.
        await waitFor(() => rows() >= features || null);
        const tableMs = performance.now() - start;
        const tableRows = rows();
        await waitFor(() => view()?.querySelector('.jp-ModelMonitor-chart svg'));
        const firstChartMs = performance.now() - start;

        const search = view()!.querySelector<HTMLInputElement>('.jp-ModelMonitor-search')!;
        const filterStart = performance.now();
        search.value = filter;
        search.dispatchEvent(new Event('input', { bubbles: true }));
        await waitFor(() => rows() < features || null);
        const filterMs = performance.now() - filterStart;
        const filteredRows = rows();

        search.value = '';
        search.dispatchEvent(new Event('input', { bubbles: true }));
        await waitFor(() => rows() >= features || null);
        const row = Array.from(view()!.querySelectorAll<HTMLElement>('tbody tr')).find(
          tr => tr.querySelector('.jp-ModelMonitor-featureName')?.textContent === select
        )!;
        const selectStart = performance.now();
        row.click();
        await waitFor(() => chartWith(select));
        const selectChartMs = performance.now() - selectStart;
        return { tableMs, tableRows, firstChartMs, filterMs, filteredRows, selectChartMs };
      },
      { features: FEATURES, filter: FILTER, select: SELECT }
    );
    runs.push(run);
  }

  const round = (value: number) => Math.round(value * 10) / 10;
  const median = (key: keyof Run) =>
    round([...runs.map(run => run[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)]);
  const result = {
    date: new Date().toISOString(),
    features: FEATURES,
    rows: ROWS,
    fileBytes: Buffer.byteLength(text),
    filter: FILTER,
    select: SELECT,
    runs: runs.map(run =>
      Object.fromEntries(Object.entries(run).map(([key, value]) => [key, round(value)]))
    ),
    medianMs: {
      table: median('tableMs'),
      firstChart: median('firstChartMs'),
      filter: median('filterMs'),
      selectChart: median('selectChartMs')
    }
  };
  const json = JSON.stringify(result, null, 2);
  console.log(json);
  const stamp = result.date.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const resultsDir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `lab-render-${stamp}.json`), json + '\n');
});
