/**
 * Loading captures through the real summary view and folder dialog, against an in-memory server:
 * which folder is scanned, what the tab is called and what the user sees, summary or refusal.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';

import { CaptureSummarySource } from '../../../src/api/captures';
import { ModelMonitorApiError } from '../../../src/api/errors';
import { loadCaptures } from '../../../src/commands/loadCaptures';
import { closeAll, openedDialog, press } from '../dialogDriver';
import { captureSummary } from '../fixtures/captureSummary';

// Vega does not run in jsdom: the chart is checked in the CaptureSummaryView tests.
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));
// @jupyter/react-components (behind LabIcon) ships ES modules jest.config.js does not transform.
jest.mock('../../../src/widgets/icons', () => ({ modelMonitorIcon: undefined }));

const trans = nullTranslator.load('jupyterlab_model_monitor');
const CHURN = captureSummary(); // captures/churn-endpoint

let asked: string[];
let added: Widget[];
let opened: unknown[];
let app: JupyterFrontEnd;

/** captures/summary on a server holding one capture folder; it refuses paths out of its root. */
const source: CaptureSummarySource = async path => {
  asked.push(path);
  if (path.startsWith('/') || path.split('/').includes('..')) {
    const message = `the path is outside the server root: ${path}`;
    throw new ModelMonitorApiError(message, 400, { message, field: 'path' });
  }
  if (path !== CHURN.path) {
    throw new ModelMonitorApiError(`no such file or folder: ${path}`, 404);
  }
  return CHURN;
};

beforeEach(() => {
  asked = [];
  added = [];
  opened = [];
  const commands = new CommandRegistry();
  commands.addCommand('docmanager:open', { execute: args => void opened.push(args) });
  const shell = { add: (widget: Widget) => added.push(widget) };
  app = { commands, shell } as unknown as JupyterFrontEnd;
});

afterEach(() => {
  closeAll();
  added.forEach(widget => widget.dispose());
});

/** The view's facts, term → value. */
function factsOf(node: HTMLElement): Record<string, string> {
  const terms = [...node.querySelectorAll('.jp-ModelMonitor-facts > div')];
  return Object.fromEntries(terms.map(t => [t.children[0].textContent, t.children[1].textContent]));
}

describe('loadCaptures', () => {
  it("opens a tab named after the folder showing the folder's summary", async () => {
    const widget = await loadCaptures(app, source, CHURN.path, '', null, trans);

    expect(asked).toEqual(['captures/churn-endpoint']);
    expect(added).toEqual([widget]);
    expect(widget!.title.label).toBe('Captures: churn-endpoint');
    expect(widget!.title.caption).toBe('Capture summary of captures/churn-endpoint');
    const node = widget!.content.node;
    expect(node.querySelector('.jp-ModelMonitor-captureTitle')!.textContent).toBe(CHURN.path);
    expect(factsOf(node)).toMatchObject({
      Records: '9',
      'Hour folders': '2',
      'Time range (UTC)': '2026-11-01 13:05:00 – 2026-11-01 16:59:59'
    });
    // A diagnostic opens its capture file, relative to the server root, in the editor.
    node.querySelectorAll<HTMLButtonElement>('.jp-ModelMonitor-linkButton')[1].click();
    expect(opened).toEqual([
      { path: 'captures/churn-endpoint/2026/11/01/16/b.jsonl', factory: 'Editor' }
    ]);
  });

  it("names the folder and gives the server's reason when it cannot be read", async () => {
    const widget = await loadCaptures(app, source, '../secrets', '', null, trans);

    expect(asked).toEqual(['../secrets']);
    expect(widget!.title.label).toBe('Captures: secrets');
    const node = widget!.content.node;
    expect(node.querySelector('.jp-ModelMonitor-captureTitle')!.textContent).toBe('../secrets');
    expect(node.querySelector('[role="alert"]')!.textContent).toBe(
      'The captures could not be read: the path is outside the server root: ../secrets'
    );
    expect(node.querySelector('.jp-ModelMonitor-facts')).toBeNull();
  });

  it('asks for a folder when given none, and scans the trimmed answer', async () => {
    const loading = loadCaptures(app, source, null, 'captures', null, trans);
    const dialog = await openedDialog();
    expect(dialog.querySelector('.jp-Dialog-header')!.textContent).toBe('Choose a capture folder');
    const input = dialog.querySelector('input')!;
    expect(input.value).toBe('captures');
    input.value = '  captures/churn-endpoint ';
    press(dialog, 'Ok');
    const widget = await loading;

    expect(asked).toEqual(['captures/churn-endpoint']);
    expect(added).toEqual([widget]);
    expect(factsOf(widget!.content.node).Records).toBe('9');
  });

  it('asks nothing of the server when the dialog is cancelled', async () => {
    const loading = loadCaptures(app, source, null, 'captures', null, trans);
    press(await openedDialog(), 'Cancel');

    expect(await loading).toBeNull();
    expect(asked).toEqual([]);
    expect(added).toEqual([]);
  });
});
