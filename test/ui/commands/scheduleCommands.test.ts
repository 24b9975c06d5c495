/**
 * Creating and editing a monitor through the real dialog and MonitorsModel, against an in-memory
 * server: what reaches the server, and what the user sees when it refuses.
 */
import { nullTranslator } from '@jupyterlab/translation';

import { createSchedule } from '../../../src/commands/createSchedule';
import { editMonitor } from '../../../src/commands/editMonitor';
import { ModelMonitorApiError } from '../../../src/api/errors';
import { MonitorsModel } from '../../../src/models/MonitorsModel';
import { closeAll, errorOf, fill, notifications, openedDialog, press } from '../dialogDriver';
import { MemoryApi, monitor } from '../memoryMonitorsApi';

const trans = nullTranslator.load('jupyterlab_model_monitor');

let api: MemoryApi;
let model: MonitorsModel;

beforeEach(() => {
  api = new MemoryApi();
  model = new MonitorsModel(api, () => false);
});

afterEach(() => {
  closeAll();
  model.dispose();
});

const CHURN = {
  name: 'churn',
  dataset: 'captures/churn',
  baselineStatistics: 'baseline/statistics.json',
  baselineConstraints: 'baseline/constraints.json'
};

describe('createSchedule', () => {
  it("sends the form's values, lists the new monitor and says so", async () => {
    api.backends = [
      { name: 'local', available: true, reason: null },
      { name: 'spark', available: true, reason: null }
    ];
    const creating = createSchedule(model, trans, { preset: 'daily' });
    const dialog = await openedDialog();
    expect(dialog.querySelector('.jp-Dialog-header')!.textContent).toBe('New monitoring schedule');
    fill(dialog, { ...CHURN, windowHours: '3', backend: 'spark' });
    press(dialog, 'Create');
    const created = await creating;

    expect(api.requests).toEqual([
      {
        call: 'createMonitor',
        body: expect.objectContaining({
          name: 'churn',
          dataset: 'captures/churn',
          baseline_statistics: 'baseline/statistics.json',
          baseline_constraints: 'baseline/constraints.json',
          schedule: '0 0 * * *',
          window_hours: 3,
          backend: 'spark'
        })
      }
    ]);
    expect(created!.name).toBe('churn');
    expect(model.monitors.map(m => m.name)).toContain('churn');
    expect(notifications()).toContainEqual(['Monitor churn created', 'success']);
  });

  it('opens the form again with the server’s error by its field and the values kept', async () => {
    const creating = createSchedule(model, trans);
    fill(await openedDialog(), { ...CHURN, name: 'beta' }); // taken
    press(await openedDialog(), 'Create');

    const again = await openedDialog();
    expect(errorOf(again, 'name')).toBe('A monitor named beta exists already');
    expect(again.querySelector('[name="name"]')!.getAttribute('aria-invalid')).toBe('true');
    expect((again.querySelector('[name="dataset"]') as HTMLInputElement).value).toBe(
      'captures/churn'
    );
    fill(again, { name: 'churn' });
    press(again, 'Create');
    expect((await creating)!.name).toBe('churn');
    expect(api.requests.map(r => (r.body as { name: string }).name)).toEqual(['beta', 'churn']);
  });

  it('shows an error without a field at the top of the form; Cancel creates nothing', async () => {
    api.createMonitor = async () => {
      throw new ModelMonitorApiError('The store is read-only', 500);
    };
    const creating = createSchedule(model, trans);
    fill(await openedDialog(), CHURN);
    press(await openedDialog(), 'Create');
    const again = await openedDialog();
    expect(errorOf(again, 'form')).toBe('The store is read-only');
    press(again, 'Cancel');
    expect(await creating).toBeNull();
    expect(notifications()).toEqual([]);
  });

  it('checks the form before asking the server', async () => {
    const creating = createSchedule(model, trans);
    fill(await openedDialog(), { ...CHURN, dataset: '' });
    press(await openedDialog(), 'Create');
    const again = await openedDialog();
    expect(errorOf(again, 'dataset')).toBeTruthy();
    expect(api.requests).toEqual([]);
    press(again, 'Cancel');
    expect(await creating).toBeNull();
  });

  it('offers the local backend of a server without GET /backends', async () => {
    api.listBackends = async () => {
      throw new ModelMonitorApiError('Not Found', 404);
    };
    const creating = createSchedule(model, trans, { backend: 'spark' });
    const dialog = await openedDialog();
    const backend = dialog.querySelector('select[name="backend"]') as HTMLSelectElement;
    expect([...backend.options].map(o => o.value)).toEqual(['local']);
    expect(backend.value).toBe('local');
    press(dialog, 'Cancel');
    expect(await creating).toBeNull();
  });
});

describe('editMonitor', () => {
  const churn = monitor('c', 'churn', {
    alerts: { webhooks: [{ url: 'https://hooks.example.com/1' }] }
  });

  beforeEach(() => {
    api.monitors = [churn];
  });

  it('sends only what changed and says so', async () => {
    const editing = editMonitor(model, churn, trans);
    const dialog = await openedDialog();
    expect(dialog.querySelector('.jp-Dialog-header')!.textContent).toBe('Edit monitor churn');
    expect((dialog.querySelector('[name="dataset"]') as HTMLInputElement).value).toBe('captures/x');
    fill(dialog, { windowHours: '6' });
    press(dialog, 'Save');
    const saved = await editing;

    expect(api.requests).toEqual([{ call: 'updateMonitor', id: 'c', body: { window_hours: 6 } }]);
    expect(saved!.window_hours).toBe(6);
    expect(model.monitors[0].window_hours).toBe(6);
    expect(notifications()).toContainEqual(['Monitor churn saved', 'success']);
  });

  it('sends nothing when nothing changed', async () => {
    const editing = editMonitor(model, churn, trans);
    press(await openedDialog(), 'Save');
    expect(await editing).toBe(churn);
    expect(api.requests).toEqual([]);
  });

  it('shows a refused change by its field, and Cancel keeps the monitor', async () => {
    api.monitors = [churn, monitor('f', 'fraud')];
    const editing = editMonitor(model, churn, trans);
    fill(await openedDialog(), { name: 'fraud' });
    press(await openedDialog(), 'Save');
    const again = await openedDialog();
    expect(errorOf(again, 'name')).toBe('A monitor named fraud exists already');
    press(again, 'Cancel');
    expect(await editing).toBeNull();
    expect(api.monitors.map(m => m.name)).toEqual(['churn', 'fraud']);
  });
});
