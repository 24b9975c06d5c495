/**
 * Building a baseline through the real dialog and BaselineJobsModel, against an in-memory server:
 * what reaches the server, what opens when the job completes, and what the user sees when the
 * server refuses or the job fails.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, showDialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { buildBaseline } from '../../../src/commands/buildBaseline';
import { BaselineJobsModel } from '../../../src/models/BaselineJobsModel';
import { closeAll, errorOf, fill, notifications, openedDialog, press } from '../dialogDriver';
import { MemoryBaselineApi } from '../memoryBaselineApi';

const trans = nullTranslator.load('jupyterlab_model_monitor');

let api: MemoryBaselineApi;
let jobs: BaselineJobsModel;
let opened: string[];
let openOptions: unknown[];
let app: JupyterFrontEnd;

beforeEach(() => {
  api = new MemoryBaselineApi();
  jobs = new BaselineJobsModel(api);
  opened = [];
  openOptions = [];
  // The document manager's command, as JupyterLab registers it: here it notes what it opens.
  const commands = new CommandRegistry();
  commands.addCommand('docmanager:open', {
    execute: args => {
      opened.push(args.path as string);
      openOptions.push(args.options);
    }
  });
  app = { commands } as unknown as JupyterFrontEnd;
});

afterEach(() => closeAll());

describe('buildBaseline', () => {
  it('starts the job from the form, follows it, and opens its statistics and constraints', async () => {
    const building = buildBaseline(app, jobs, 'data/train.csv', trans);
    const dialog = await openedDialog();
    expect((dialog.querySelector('[name="dataset"]') as HTMLInputElement).value).toBe(
      'data/train.csv'
    );
    fill(dialog, { output: 'baselines/train' });
    press(dialog, 'Build');
    const ended = await building;

    expect(ended!.state).toBe('completed');
    expect(api.requests).toEqual(['start data/train.csv', 'get j1', 'get j1']);
    expect(opened).toEqual(['baselines/train/statistics.json', 'baselines/train/constraints.json']);
    expect(openOptions).toEqual([undefined, undefined]);
    expect(notifications()).toContainEqual([
      'Baseline written to baselines/train: done',
      'success'
    ]);
  });

  it('opens the form again with the refusal under the output folder, and the values kept', async () => {
    api.taken.add('baselines/train');
    const building = buildBaseline(app, jobs, 'data/train.csv', trans);
    fill(await openedDialog(), { output: 'baselines/train' });
    press(await openedDialog(), 'Build');

    const again = await openedDialog();
    expect(errorOf(again, 'output')).toContain('baselines/train already holds a baseline');
    expect((again.querySelector('[name="output"]') as HTMLInputElement).value).toBe(
      'baselines/train'
    );
    fill(again, { output: 'baselines/train-2' });
    press(again, 'Build');
    await expect(building).resolves.toMatchObject({
      state: 'completed',
      output: 'baselines/train-2'
    });
    expect(opened).toHaveLength(2);
  });

  it('opens the files behind a form the user opened meanwhile, which keeps the focus', async () => {
    const building = buildBaseline(app, jobs, 'data/train.csv', trans);
    fill(await openedDialog(), { output: 'baselines/train' });
    press(await openedDialog(), 'Build');
    void showDialog({ title: 'Another form', buttons: [Dialog.cancelButton()] });
    await building;

    expect(opened).toHaveLength(2);
    expect(openOptions).toEqual([{ activate: false }, { activate: false }]);
  });

  it('a failed job opens nothing and says why', async () => {
    api.failWith = 'data/train.csv:3: 4 fields where the header has 3';
    const building = buildBaseline(app, jobs, 'data/train.csv', trans);
    fill(await openedDialog(), { output: 'baselines/train' });
    press(await openedDialog(), 'Build');
    await expect(building).resolves.toMatchObject({ state: 'failed' });
    expect(opened).toEqual([]);
    expect(notifications()).toContainEqual([
      'Baseline of train.csv failed: data/train.csv:3: 4 fields where the header has 3',
      'error'
    ]);
  });
});
