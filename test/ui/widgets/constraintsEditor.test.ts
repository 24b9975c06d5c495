import { DocumentModel, DocumentRegistry } from '@jupyterlab/docregistry';
import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ViewerSettings } from '../../../src/models/ViewerSettings';
import { ConstraintsEditor } from '../../../src/widgets/ConstraintsEditor';

const trans = nullTranslator.load('jupyterlab_model_monitor');
const HOSTILE = '<img src=x onerror=alert(1)>';

const TEXT = `{
  "version" : 0.0,
  "features" : [ {
    "name" : "age",
    "inferred_type" : "Integral",
    "completeness" : 1.0,
    "num_constraints" : {
      "is_non_negative" : true
    }
  }, {
    "name" : "${HOSTILE}",
    "inferred_type" : "String",
    "completeness" : 1.0,
    "string_constraints" : {
      "domains" : [ "yes", "<b>no</b>" ]
    }
  } ],
  "monitoring_config" : {
    "evaluate_constraints" : "Enabled",
    "emit_metrics" : "Enabled",
    "datatype_check_threshold" : 1.0,
    "domain_content_threshold" : 1.0,
    "distribution_constraints" : {
      "perform_comparison" : "Enabled",
      "comparison_threshold" : 0.1,
      "comparison_method" : "Robust"
    }
  }
}`;

/**
 * The editor on JupyterLab's real text DocumentModel (its YFile and undo manager); the context is
 * reduced to the two members the editor reads, as no server runs in jsdom.
 */
async function openEditor(text = TEXT) {
  const model = new DocumentModel();
  model.fromString(text);
  model.sharedModel.clearUndoHistory();
  model.dirty = false;
  const context = { ready: Promise.resolve(), model } as unknown as DocumentRegistry.Context;
  const editor = new ConstraintsEditor(context, trans);
  Widget.attach(editor, document.body);
  await context.ready;
  return { editor, model };
}

function field(editor: ConstraintsEditor, key: string): HTMLInputElement & HTMLSelectElement {
  const node = editor.node.querySelector(`[data-key="${key}"]`);
  if (!node) {
    throw new Error(`no control ${key}`);
  }
  return node as HTMLInputElement & HTMLSelectElement;
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('change'));
}

function pressEnter(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
}

function errorText(editor: ConstraintsEditor, key: string): string {
  return editor.node.querySelector(`[data-error-for="${key}"]`)?.textContent ?? '';
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConstraintsEditor', () => {
  test('shows monitoring_config and one row per feature, data as text only', async () => {
    const { editor } = await openEditor();
    expect(field(editor, 'global:comparison_threshold').value).toBe('0.1');
    expect(field(editor, 'global:comparison_method').value).toBe('Robust');
    const rows = editor.node.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1].querySelector('th')!.textContent).toBe(HOSTILE);
    expect(editor.node.querySelector('img, b')).toBeNull();
    const chips = Array.from(rows[1].querySelectorAll('.jp-ModelMonitor-domainChip span'));
    expect(chips.map(chip => chip.textContent)).toEqual(['yes', '<b>no</b>']);
    expect(field(editor, 'feature:0:is_non_negative').checked).toBe(true);
  });

  test('a threshold edit rewrites the text model in the analyzer layout and marks it dirty', async () => {
    const { editor, model } = await openEditor();
    type(field(editor, 'global:comparison_threshold'), '0.2');
    expect(model.toString()).toBe(
      TEXT.replace('"comparison_threshold" : 0.1', '"comparison_threshold" : 0.2')
    );
    expect(model.dirty).toBe(true);
    expect(field(editor, 'global:comparison_threshold').value).toBe('0.2');
  });

  test('undo and redo go through the shared model, one step per edit', async () => {
    const { editor, model } = await openEditor();
    type(field(editor, 'global:datatype_check_threshold'), '0.5');
    pressEnter(field(editor, 'domain:1:add'), 'maybe');
    expect(model.toString()).toContain('"domains" : [ "yes", "<b>no</b>", "maybe" ]');
    editor.undo();
    expect(model.toString()).toContain('"domains" : [ "yes", "<b>no</b>" ]');
    expect(model.toString()).toContain('"datatype_check_threshold" : 0.5');
    editor.undo();
    expect(model.toString()).toBe(TEXT);
    expect(field(editor, 'global:datatype_check_threshold').value).toBe('1.0');
    editor.node.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, shiftKey: true, bubbles: true })
    );
    expect(field(editor, 'global:datatype_check_threshold').value).toBe('0.5');
    editor.redo();
    expect(model.toString()).toContain('"maybe"');
  });

  test('Ctrl+Z while a field holds uncommitted typing is left to the field', async () => {
    const { editor, model } = await openEditor();
    type(field(editor, 'global:comparison_threshold'), '0.2');
    const input = field(editor, 'global:datatype_check_threshold');
    input.value = '0.3';
    const ctrlZ = () =>
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    const typing = ctrlZ();
    input.dispatchEvent(typing);
    expect(typing.defaultPrevented).toBe(false);
    expect(model.toString()).toContain('"comparison_threshold" : 0.2');
    input.value = input.defaultValue;
    const committed = ctrlZ();
    input.dispatchEvent(committed);
    expect(committed.defaultPrevented).toBe(true);
    expect(model.toString()).toBe(TEXT);
  });

  test('Undo and Redo buttons follow the shared history, also when Lab clears it', async () => {
    const { editor, model } = await openEditor();
    const button = (label: string) =>
      editor.node.querySelector<HTMLButtonElement>(`[data-key="toolbar:${label}"]`)!;
    expect(button('Undo').disabled).toBe(true);
    type(field(editor, 'global:comparison_threshold'), '0.2');
    expect(button('Undo').disabled).toBe(false);
    expect(button('Redo').disabled).toBe(true);
    button('Undo').click();
    expect(button('Redo').disabled).toBe(false);
    button('Redo').click();
    model.sharedModel.clearUndoHistory();
    expect(button('Undo').disabled).toBe(true);
    expect(button('Redo').disabled).toBe(true);
  });

  test('removing a domain chip and toggling non-negative edit the file', async () => {
    const { editor, model } = await openEditor();
    editor.node.querySelector<HTMLButtonElement>('[data-key="domain:1:remove:0"]')!.click();
    const box = field(editor, 'feature:0:is_non_negative');
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(model.toString()).toContain('"domains" : [ "<b>no</b>" ]');
    expect(model.toString()).toContain('"is_non_negative" : false');
  });

  test('overrides of a string feature are set and cleared', async () => {
    const { editor, model } = await openEditor();
    const select = field(editor, 'feature:1:override:emit_metrics');
    select.value = 'Disabled';
    select.dispatchEvent(new Event('change'));
    expect(model.toString()).toContain('"monitoring_config_overrides" : {');
    const again = field(editor, 'feature:1:override:emit_metrics');
    again.value = '';
    again.dispatchEvent(new Event('change'));
    expect(model.toString()).toBe(TEXT);
  });

  test.each([
    ['global:comparison_threshold', '1.5', 'comparison_threshold: 1.5 is outside 0 to 1'],
    ['global:domain_content_threshold', 'lots', 'domain_content_threshold: "lots" is not a number'],
    ['feature:0:completeness', '-1', 'age completeness: -1 is outside 0 to 1']
  ])('invalid %s shows a message by the field and keeps the text', async (key, input, message) => {
    const { editor, model } = await openEditor();
    type(field(editor, key), input);
    expect(errorText(editor, key)).toBe(message);
    expect(model.toString()).toBe(TEXT);
    expect(model.dirty).toBe(false);
    // Other edits still work; the form is rebuilt from the file, so the refused value and its
    // message go (#18 item 8: messages stayed under fields that held valid values again).
    type(field(editor, 'global:datatype_check_threshold'), '0.9');
    expect(model.toString()).toContain('"datatype_check_threshold" : 0.9');
    expect(errorText(editor, key)).toBe('');
    expect(field(editor, key).value).not.toBe(input);
  });

  test('the first Undo after refused input puts the field back, not a saved edit', async () => {
    const { editor, model } = await openEditor();
    type(field(editor, 'global:datatype_check_threshold'), '0.9');
    const edited = model.toString();
    type(field(editor, 'feature:0:completeness'), '7');
    expect(errorText(editor, 'feature:0:completeness')).not.toBe('');
    editor.undo();
    expect(errorText(editor, 'feature:0:completeness')).toBe('');
    expect(field(editor, 'feature:0:completeness').value).not.toBe('7');
    expect(model.toString()).toBe(edited);
    editor.undo();
    expect(model.toString()).toBe(TEXT);
  });

  test('an empty domain value and an unknown comparison method are refused by name', async () => {
    const { editor, model } = await openEditor(
      TEXT.replace('"comparison_method" : "Robust"', '"comparison_method" : "Fancy"')
    );
    pressEnter(field(editor, 'domain:1:add'), '   ');
    expect(errorText(editor, 'domain:1:add')).toBe(
      `${HOSTILE} domain: a domain value cannot be empty`
    );
    expect(field(editor, 'global:comparison_method').value).toBe('Fancy');
    // File problems name the form's field, the JSON path in the tooltip.
    const issue = editor.node.querySelector('.jp-ModelMonitor-constraintsIssues li')!;
    expect(issue.textContent).toMatch(/^comparison_method: /);
    expect(issue.getAttribute('title')).toBe(
      'monitoring_config.distribution_constraints.comparison_method'
    );
    const method = field(editor, 'global:comparison_method');
    method.value = 'Simple';
    method.dispatchEvent(new Event('change'));
    expect(model.toString()).toContain('"comparison_method" : "Simple"');
  });

  test('text changed elsewhere (revert, another editor) rebuilds the form', async () => {
    const { editor, model } = await openEditor();
    model.fromString(TEXT.replace('"comparison_threshold" : 0.1', '"comparison_threshold" : 0.7'));
    expect(field(editor, 'global:comparison_threshold').value).toBe('0.7');
  });

  test('a file that does not parse shows where, and no form', async () => {
    const { editor } = await openEditor('{ "features" : [ }');
    expect(editor.node.textContent).toMatch(/line 1, column 18/);
    expect(editor.node.querySelector('input')).toBeNull();
  });
});

describe('form defaults from the settings', () => {
  test('"Apply drift defaults" writes the threshold and method of the settings', async () => {
    const settings = new ViewerSettings();
    settings.update({ driftThreshold: 0.3, comparisonMethod: 'Simple' });
    const model = new DocumentModel();
    model.fromString(TEXT);
    const context = { ready: Promise.resolve(), model } as unknown as DocumentRegistry.Context;
    const editor = new ConstraintsEditor(context, trans, settings);
    Widget.attach(editor, document.body);
    await context.ready;
    const button = Array.from(editor.node.querySelectorAll('button')).find(b =>
      b.textContent?.startsWith('Apply drift defaults')
    )!;
    expect(button.textContent).toBe('Apply drift defaults (0.3, Simple)');
    button.click();
    expect(model.toString()).toContain('"comparison_threshold" : 0.3,');
    expect(model.toString()).toContain('"comparison_method" : "Simple"');
  });

  test('settings outside the schema are ignored', () => {
    const settings = new ViewerSettings();
    settings.update({
      driftThreshold: 4,
      comparisonMethod: 'Fancy' as 'Simple',
      defaultSchedulePreset: 'custom' as 'daily',
      defaultBackend: '  '
    });
    expect(settings.values).toMatchObject({
      driftThreshold: 0.1,
      comparisonMethod: 'Robust',
      defaultSchedulePreset: 'hourly',
      defaultBackend: 'local'
    });
    settings.update({ defaultBackend: 'sagemaker', defaultSchedulePreset: 'manual' });
    expect(settings.values).toMatchObject({
      defaultBackend: 'sagemaker',
      defaultSchedulePreset: 'manual'
    });
  });
});
