import { IJupyterLabPageFixture } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/model-monitor.cjs');

/** A seeded generator, so the data (and whether it drifts) is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** CSV rows of age, income and city; `shift` moves the numbers and swaps most cities. */
function csv(rows: number, shift: number, seed: number): string {
  const next = random(seed);
  const cities = shift ? ['Paris', 'Berlin', 'Rome'] : ['Paris', 'Lyon', 'Nice'];
  const lines = ['age,income,city'];
  for (let i = 0; i < rows; i++) {
    const age = 20 + Math.floor(next() * 40) + shift * 30;
    const income = (40000 + next() * 20000 + shift * 30000).toFixed(2);
    lines.push(`${age},${income},${cities[Math.floor(next() * 3)]}`);
  }
  return lines.join('\n') + '\n';
}

/** `yyyy/mm/dd/HH` of a time, as the capture layout names hour folders (UTC). */
function hourFolder(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    time.getUTCFullYear(),
    pad(time.getUTCMonth() + 1),
    pad(time.getUTCDate()),
    pad(time.getUTCHours())
  ].join('/');
}

/**
 * Writes, under `folder` on the server: a baseline built by the real CLI from training data, and
 * drifted current data in the hour folders a "run now" reads (the last full hour; the current
 * hour too, in case the hour turns during the test).
 */
export async function writeMonitorData(page: IJupyterLabPageFixture, folder: string) {
  const local = fs.mkdtempSync(path.join(os.tmpdir(), 'model-monitor-e2e-'));
  fs.writeFileSync(path.join(local, 'train.csv'), csv(400, 0, 1));
  execFileSync(process.execPath, [
    CLI,
    'baseline',
    '--dataset',
    path.join(local, 'train.csv'),
    '--header',
    '--output',
    path.join(local, 'baseline'),
    '--progress',
    'none'
  ]);
  for (const name of ['statistics.json', 'constraints.json']) {
    const text = fs.readFileSync(path.join(local, 'baseline', name), 'utf-8');
    await page.contents.uploadContent(text, 'text', `${folder}/baseline/${name}`);
  }
  const current = csv(400, 1, 2);
  const now = Date.now();
  for (const time of [new Date(now - 3600_000), new Date(now)]) {
    await page.contents.uploadContent(
      current,
      'text',
      `${folder}/captures/${hourFolder(time)}/current.csv`
    );
  }
  fs.rmSync(local, { recursive: true, force: true });
}
