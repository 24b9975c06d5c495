import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { FIXTURES, fileItem, forbidAlerts, screenshot } from './helpers';

const validStatistics = fs.readFileSync(path.join(FIXTURES, 'statistics.json'), 'utf-8');

/** Damaged result files, each with the message its view must show instead of a blank panel. */
const CASES = [
  {
    folder: 'truncated',
    name: 'statistics.json',
    // A valid prefix, cut mid-way through the features.
    content: validStatistics.slice(0, Math.floor(validStatistics.length / 2)),
    message: 'This file is not valid JSON. Open it with the Editor to fix it.',
    artifact: 'corrupt-truncated'
  },
  {
    folder: 'wrong-shape',
    name: 'statistics.json',
    content: JSON.stringify({ version: 0, dataset: { item_count: 3 }, features: 'age,income' }),
    message: /is not a Model Monitor statistics\.json or constraint_violations\.json/,
    artifact: 'corrupt-wrong-shape'
  },
  {
    folder: 'empty',
    name: 'constraint_violations.json',
    content: '',
    message: 'This file is empty.',
    artifact: 'corrupt-empty-violations'
  }
];

test.describe('Damaged result files', () => {
  for (const { folder, name, content, message, artifact } of CASES) {
    test(`${folder} ${name} shows a message`, async ({ page, tmpPath }) => {
      const alerts = forbidAlerts(page);
      await page.contents.uploadContent(content, 'text', `${tmpPath}/${folder}/${name}`);
      await page.filebrowser.openDirectory(`${tmpPath}/${folder}`);
      await fileItem(page, name).dblclick();

      const widget = page.locator('.jp-MainAreaWidget.jp-ModelMonitor-documentWidget');
      const text = widget.locator('.jp-ModelMonitor-message');
      await expect(text).toBeVisible();
      await expect(text).toHaveText(message);
      await expect(widget.locator('.jp-ModelMonitor-statisticsView')).toHaveCount(0);
      await screenshot(widget, artifact);
      expect(alerts).toEqual([]);
    });
  }
});
