import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { Execution, Monitor } from '../../src/api/types';
import { IMonitorsApi, MonitorsModel } from '../../src/models/MonitorsModel';
import { groupByMonitor, monitorStatus } from '../../src/models/monitorStatus';
import { MonitorAction, MonitorList } from '../../src/widgets/MonitorList';

const trans = nullTranslator.load('jupyterlab_model_monitor');

function monitor(id: string, name: string, extra: Partial<Monitor> = {}): Monitor {
  return {
    id,
    name,
    dataset: 'captures/x',
    dataset_format: null,
    header: true,
    baseline_statistics: 'b/statistics.json',
    baseline_constraints: 'b/constraints.json',
    output: `monitoring/${name}`,
    schedule: '0 * * * *',
    window_hours: 1,
    catch_up: 'once',
    backend: 'local',
    enabled: true,
    alerts: null,
    next_run_at: '2026-11-25T04:00:00Z',
    created_at: '2026-11-25T03:00:00Z',
    updated_at: '2026-11-25T03:00:00Z',
    ...extra
  };
}

function execution(id: string, monitorId: string, state: Execution['state']): Execution {
  return {
    id,
    monitor_id: monitorId,
    trigger: 'manual',
    state,
    scheduled_for: '2026-11-25T03:10:00Z',
    window_start: '2026-11-25T02:00:00Z',
    window_end: '2026-11-25T03:00:00Z',
    output: `monitoring/m/manual/${id}`,
    created_at: '2026-11-25T03:10:00Z',
    started_at: null,
    finished_at: null,
    progress: 0,
    message: state === 'completed_with_violations' ? '2 violations' : null,
    violations: null
  };
}

/** An in-memory server with the API's semantics, for the model's state logic. */
class MemoryApi implements IMonitorsApi {
  monitors = [monitor('b', 'beta'), monitor('a', 'alpha', { schedule: null })];
  executions = [execution('e2', 'b', 'completed_with_violations'), execution('e1', 'b', 'failed')];
  listMonitors = async () => this.monitors;
  listExecutions = async () => this.executions;
  runMonitor = async (id: string) => {
    const run = execution(`e${this.executions.length + 1}`, id, 'running');
    this.executions = [run, ...this.executions];
    return run;
  };
  updateMonitor = async (id: string, fields: { enabled: boolean }) => {
    this.monitors = this.monitors.map(m => (m.id === id ? { ...m, ...fields } : m));
    return this.monitors.find(m => m.id === id)!;
  };
  deleteMonitor = async (id: string) => {
    this.monitors = this.monitors.filter(m => m.id !== id);
  };
  getExecution = async (id: string) => this.executions.find(e => e.id === id)!;
  cancelExecution = async (id: string) => this.setState(id, 'cancelled');
  setState = (id: string, state: Execution['state']) => {
    this.executions = this.executions.map(e => (e.id === id ? { ...e, state } : e));
    return this.getExecution(id);
  };
}

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
