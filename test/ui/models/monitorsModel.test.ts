import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ModelMonitorApiError } from '../../../src/api/errors';
import { MonitorsModel } from '../../../src/models/MonitorsModel';
import { groupByMonitor, monitorStatus } from '../../../src/models/monitorStatus';
import { MonitorAction, MonitorList } from '../../../src/widgets/MonitorList';
import { MemoryApi, execution } from '../memoryMonitorsApi';

const trans = nullTranslator.load('jupyterlab_model_monitor');

describe('monitor status', () => {
  it('is the newest execution state, or never', () => {
    const groups = groupByMonitor([
      execution('3', 'x', 'running'),
      execution('2', 'y', 'completed'),
      execution('1', 'x', 'failed')
    ]);
    expect(monitorStatus(groups.get('x')!)).toBe('running');
    expect(monitorStatus(groups.get('y')!)).toBe('ok');
    expect(monitorStatus([])).toBe('never');
  });
});

describe('MonitorsModel and MonitorList', () => {
  let api: MemoryApi;
  let model: MonitorsModel;
  let list: MonitorList;

  beforeEach(async () => {
    api = new MemoryApi();
    model = new MonitorsModel(api, () => false);
    await model.reload();
    list = new MonitorList(model, trans);
    Widget.attach(list, document.body);
  });

  afterEach(() => {
    list.dispose();
    model.dispose();
  });

  const names = () =>
    [...list.node.querySelectorAll('.jp-ModelMonitor-monitorName')].map(n => n.textContent);
  const item = (id: string) => list.node.querySelector(`[data-monitor-id="${id}"]`) as HTMLElement;

  it('lists monitors by name with badge, next run and backend', () => {
    expect(names()).toEqual(['alpha', 'beta']);
    expect(item('a').querySelector('.jp-ModelMonitor-badge')!.textContent).toBe('Not run yet');
    expect(item('a').textContent).toContain('Manual runs only');
    expect(item('b').querySelector('.jp-ModelMonitor-badge')!.getAttribute('data-status')).toBe(
      'violations'
    );
    expect(item('b').textContent).toContain('Next run');
    expect(item('b').textContent).toContain('Backend: local');
    // A manual-only monitor has nothing to pause; results only once a run wrote some.
    expect(item('a').querySelector('[data-action="pause"]')).toBeNull();
    expect(item('a').querySelector('[data-action="open-results"]')).toBeNull();
    expect(item('b').querySelector('[data-action="open-results"]')).not.toBeNull();
  });

  it('expands a monitor to its executions, newest first', () => {
    (item('b').querySelector('.jp-ModelMonitor-monitorName') as HTMLButtonElement).click();
    const executions = item('b').querySelectorAll('.jp-ModelMonitor-execution');
    expect([...executions].map(e => e.getAttribute('data-execution-id'))).toEqual(['e2', 'e1']);
    expect(executions[0].textContent).toContain('2 violations');
    expect(executions[1].querySelector('[data-action="open-results"]')).toBeNull();
  });

  it('emits actions and reflects run, pause and delete', async () => {
    const actions: MonitorAction[] = [];
    list.actionRequested.connect((_, action) => actions.push(action));
    (item('b').querySelector('[data-action="pause"]') as HTMLButtonElement).click();
    expect(actions.map(a => [a.kind, a.monitor.id])).toEqual([['pause', 'b']]);

    await model.setEnabled('b', false);
    expect(item('b').textContent).toContain('Paused');
    expect(item('b').querySelector('[data-action="resume"]')).not.toBeNull();

    await model.run('a');
    expect(item('a').querySelector('.jp-ModelMonitor-badge')!.textContent).toBe('Running');
    expect(model.isExpanded('a')).toBe(true);

    await model.remove('a');
    expect(names()).toEqual(['beta']);
  });

  it('follows a run until it ends, through a cancel, and shows how it ended', async () => {
    const started = await model.run('a');
    const following = model.follow(started);
    await new Promise(resolve => setTimeout(resolve, 20));
    await model.cancel(started.id);
    const ended = await following;
    expect(ended.state).toBe('cancelled');
    expect(item('a').querySelector('.jp-ModelMonitor-badge')!.textContent).toBe('Cancelled');
  });

  it('records a failed refresh as an error', async () => {
    api.listMonitors = async () => {
      throw new Error('503 Service Unavailable');
    };
    await model.reload();
    expect(model.error).toBe('503 Service Unavailable');
  });
});

describe('MonitorsModel, the one way to the server', () => {
  let api: MemoryApi;
  let model: MonitorsModel;

  beforeEach(() => {
    api = new MemoryApi();
    model = new MonitorsModel(api, () => false);
  });

  afterEach(() => model.dispose());

  it('creates and changes monitors, and lists them fresh at once', async () => {
    const created = await model.create({
      name: 'gamma',
      dataset: 'captures/g',
      header: true,
      baseline_statistics: 'g/statistics.json',
      baseline_constraints: 'g/constraints.json',
      schedule: null,
      window_hours: 1,
      backend: 'local'
    });
    expect(model.monitors.map(m => m.name)).toEqual(['alpha', 'beta', 'gamma']);
    await model.update(created.id, { name: 'delta' });
    expect(model.monitors.map(m => m.name)).toEqual(['alpha', 'beta', 'delta']);
  });

  it('offers the local backend when the server has no backends route, and warns of other errors', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const local = [{ name: 'local', available: true, reason: null }];
    api.listBackends = async () => {
      throw new ModelMonitorApiError('Not Found', 404);
    };
    expect(await model.backends()).toEqual(local);
    expect(warn).not.toHaveBeenCalled();
    api.listBackends = async () => {
      throw new ModelMonitorApiError('Bad Gateway', 502);
    };
    expect(await model.backends()).toEqual(local);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
