import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';

import * as path from 'path';

import { HOSTILE_NAME, fileItem, forbidAlerts, screenshot } from './helpers';
import { monitorDataBasics, ScheduleFormPage } from './scheduleFormPage';

/** Sets (or with null removes) one of the extension's settings through the setting registry. */
async function setSetting(page: IJupyterLabPageFixture, key: string, value: string | null) {
  await page.evaluate(
    async ([key, value]) => {
      const registry = await (window as any).galata.getPlugin(
        '@jupyterlab/apputils-extension:settings'
      );
      const id = 'jupyterlab-model-monitor:charts';
      await (value === null ? registry.remove(id, key) : registry.set(id, key, value));
    },
    [key, value] as const
  );
}

/** The example baseline (`make examples`), as the engine suggested it. */
const EXAMPLE_BASELINE = path.resolve(__dirname, '../../../examples/baseline');

test.describe('Constraints editor', () => {
  test('edit a threshold and a domain: dirty, undo, redo, save, reopen', async ({
    page,
    tmpPath
  }) => {
    const alerts = forbidAlerts(page);
    await page.contents.uploadFile(
      path.join(EXAMPLE_BASELINE, 'constraints.json'),
      `${tmpPath}/baseline/constraints.json`
    );
    await page.filebrowser.openDirectory(`${tmpPath}/baseline`);
    await fileItem(page, 'constraints.json').dblclick();

    const editor = page.locator('.jp-ModelMonitor-constraintsEditor');
    await expect(editor).toBeVisible();
    // Edits made before Lab clears the loaded file's undo history would drop out of it.
    await expect(editor).toHaveAttribute('data-history-ready', 'true');
    const tab = page.locator('.lm-TabBar-tab', { hasText: 'constraints.json' });
    const threshold = editor.locator('[data-key="global:comparison_threshold"]');
    await expect(threshold).toHaveValue('0.1');
    await expect(tab).not.toHaveClass(/jp-mod-dirty/);

    // A threshold: typed, committed with Enter; the tab turns dirty.
    await threshold.fill('0.25');
    await threshold.press('Enter');
    await expect(tab).toHaveClass(/jp-mod-dirty/);
    await screenshot(tab, 'constraints-editor-dirty-tab');

    // A domain value added to `contract`.
    const contract = editor.locator('tbody tr', {
      has: page.locator('th', { hasText: /^contract$/ })
    });
    await contract.getByLabel('Add a domain value to contract').fill('three-year');
    await contract.getByLabel('Add a domain value to contract').press('Enter');
    const chips = contract.locator('.jp-ModelMonitor-domainChip span');
    await expect(chips).toHaveText(['month-to-month', 'one-year', 'two-year', 'three-year']);

    // Refused input: a message names the field, the rest of the form goes on working.
    const datatype = editor.locator('[data-key="global:datatype_check_threshold"]');
    await datatype.fill('abc');
    await datatype.press('Enter');
    await expect(editor.locator('[data-error-for="global:datatype_check_threshold"]')).toHaveText(
      'datatype_check_threshold: "abc" is not a number'
    );
    await screenshot(editor.locator('section').first(), 'constraints-editor-config');
    await screenshot(contract, 'constraints-editor-domain');

    // The first Undo puts the refused field back, message and all (#18 item 8), and keeps the
    // edits; then Undo and Redo go through the document's shared model.
    await editor.getByRole('button', { name: 'Undo' }).click();
    await expect(editor.locator('[data-error-for="global:datatype_check_threshold"]')).toHaveText(
      ''
    );
    await expect(datatype).not.toHaveValue('abc');
    await expect(chips).toHaveCount(4);
    await editor.getByRole('button', { name: 'Undo' }).click();
    await expect(chips).toHaveCount(3);
    await expect(threshold).toHaveValue('0.25');
    await editor.getByRole('button', { name: 'Undo' }).click();
    await expect(threshold).toHaveValue('0.1');
    await editor.getByRole('button', { name: 'Redo' }).click();
    await editor.getByRole('button', { name: 'Redo' }).click();
    await expect(threshold).toHaveValue('0.25');
    await expect(chips).toHaveCount(4);

    // Save with Ctrl+S, close, reopen: the edits are in the file.
    await threshold.focus();
    await page.keyboard.press('Control+s');
    await expect(tab).not.toHaveClass(/jp-mod-dirty/);
    await screenshot(tab, 'constraints-editor-saved-tab');
    await page.activity.closeAll();
    await fileItem(page, 'constraints.json').dblclick();
    await expect(page.locator('.jp-ModelMonitor-constraintsEditor')).toBeVisible();
    await expect(
      page.locator('.jp-ModelMonitor-constraintsEditor [data-key="global:comparison_threshold"]')
    ).toHaveValue('0.25');
    await expect(
      page
        .locator('.jp-ModelMonitor-constraintsEditor tbody tr', {
          has: page.locator('th', { hasText: /^contract$/ })
        })
        .locator('.jp-ModelMonitor-domainChip span')
    ).toHaveText(['month-to-month', 'one-year', 'two-year', 'three-year']);

    // The saved text is SageMaker's layout, with the edits.
    const saved = await page.evaluate(async (file: string) => {
      const app = (window as any).jupyterapp;
      const model = await app.serviceManager.contents.get(file, { content: true });
      return model.content as string;
    }, `${tmpPath}/baseline/constraints.json`);
    expect(saved).toContain('"comparison_threshold" : 0.25,');
    expect(saved).toContain(
      '"domains" : [ "month-to-month", "one-year", "two-year", "three-year" ]'
    );
    expect(alerts).toEqual([]);
  });
});

test('hostile feature names and domain values render as text in the constraints form', async ({
  page,
  tmpPath
}) => {
  const alerts = forbidAlerts(page);
  const hostileDomain = '<script>alert(2)</script>';
  const text = JSON.stringify({
    version: 0.0,
    features: [
      {
        name: HOSTILE_NAME,
        inferred_type: 'String',
        completeness: 1.0,
        string_constraints: { domains: [hostileDomain, 'plain'] }
      }
    ],
    monitoring_config: { evaluate_constraints: 'Enabled' }
  });
  await page.contents.uploadContent(text, 'text', `${tmpPath}/hostile/constraints.json`);
  await page.filebrowser.openDirectory(`${tmpPath}/hostile`);
  await fileItem(page, 'constraints.json').dblclick();
  const editor = page.locator('.jp-ModelMonitor-constraintsEditor');
  await expect(editor.locator('tbody th')).toHaveText(HOSTILE_NAME);
  await expect(editor.locator('.jp-ModelMonitor-domainChip span')).toHaveText([
    hostileDomain,
    'plain'
  ]);
  await expect(editor.locator('img, script')).toHaveCount(0);
  // Keys the file lacks show the analyzer's defaults, marked as such.
  await expect(editor.locator('[data-key="global:datatype_check_threshold"]')).toHaveValue('1.0');
  await expect(editor.locator('section').first()).toContainText('the analyzer default');
  await screenshot(editor, 'constraints-editor-hostile');
  expect(alerts).toEqual([]);
});

test.describe('Editing a monitor', () => {
  test('Edit in the side panel opens the form filled in and saves the change', async ({
    page,
    tmpPath
  }) => {
    for (const file of ['statistics.json', 'constraints.json']) {
      await page.contents.uploadFile(
        path.join(EXAMPLE_BASELINE, file),
        `${tmpPath}/baseline/${file}`
      );
    }
    await page.contents.createDirectory(`${tmpPath}/captures`); // checked when the monitor is made
    const name = `edit-${Date.now()}`;
    // The form starts from the user's settings (schema/charts.json).
    await setSetting(page, 'defaultSchedulePreset', 'daily');
    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
    );
    const panel = page.locator('#jp-ModelMonitor-sidePanel');
    await panel.locator('button', { hasText: 'New schedule…' }).click();
    const dialog = page.locator('.jp-Dialog');
    const form = dialog.locator('.jp-ModelMonitor-scheduleForm');
    await expect(form.locator('select[name="preset"]')).toHaveValue('daily');
    await setSetting(page, 'defaultSchedulePreset', null);
    await form.locator('select[name="preset"]').selectOption('hourly');
    await new ScheduleFormPage(page).fillBasics(monitorDataBasics(name, tmpPath));
    await dialog.locator('button', { hasText: 'Create' }).click();
    await expect(dialog).toHaveCount(0);

    const monitor = panel.locator(`.jp-ModelMonitor-monitor[data-monitor-name="${name}"]`);
    await expect(monitor).toContainText('Next run');
    await monitor.locator('button[data-action="edit"]').click();
    await expect(dialog.locator('.jp-Dialog-header')).toContainText(`Edit monitor ${name}`);
    await expect(form.locator('input[name="name"]')).toHaveValue(name);
    await expect(form.locator('input[name="dataset"]')).toHaveValue(`${tmpPath}/captures`);
    await expect(form.locator('select[name="preset"]')).toHaveValue('hourly');

    await form.locator('input[name="name"]').fill(`${name}-manual`);
    await form.locator('select[name="preset"]').selectOption('manual');
    await form.locator('input[name="windowHours"]').fill('6');
    await screenshot(dialog.locator('.jp-Dialog-content'), 'edit-monitor-form');
    await dialog.locator('button', { hasText: 'Save' }).click();
    await expect(dialog).toHaveCount(0);

    const edited = panel.locator(`.jp-ModelMonitor-monitor[data-monitor-name="${name}-manual"]`);
    await expect(edited).toContainText('Manual runs only');
    await expect(panel.locator(`[data-monitor-name="${name}"]`)).toHaveCount(0);
    await screenshot(edited, 'edit-monitor-saved');

    // The server kept the change: the form opens again with it.
    await edited.locator('button[data-action="edit"]').click();
    await expect(form.locator('select[name="preset"]')).toHaveValue('manual');
    await expect(form.locator('input[name="windowHours"]')).toHaveValue('6');
    await dialog.locator('button', { hasText: 'Cancel' }).click();
    await edited.locator('button[data-action="delete"]').click();
    await page.locator('.jp-Dialog button', { hasText: 'Delete' }).click();
    await expect(edited).toHaveCount(0);
  });
});
