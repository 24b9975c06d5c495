/** An in-memory Model Monitor server for MonitorsModel and the commands that use it. */
import { ModelMonitorApiError } from '../../src/api/errors';
import {
  Backend,
  Execution,
  MetricHistory,
  Monitor,
  MonitorCreate,
  RunWindow
} from '../../src/api/types';
import { IMonitorsApi, MonitorUpdate } from '../../src/models/MonitorsModel';

export function monitor(id: string, name: string, extra: Partial<Monitor> = {}): Monitor {
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

export function execution(id: string, monitorId: string, state: Execution['state']): Execution {
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
    violations: null,
    claimed_by: null,
    heartbeat_at: null
  };
}

/**
 * The REST calls with the server's semantics that the front end relies on: names are unique
 * (409 with the field), unknown ids are 404. `requests` records what was sent.
 */
export class MemoryApi implements IMonitorsApi {
  monitors = [monitor('b', 'beta'), monitor('a', 'alpha', { schedule: null })];
  executions = [execution('e2', 'b', 'completed_with_violations'), execution('e1', 'b', 'failed')];
  backends: Backend[] = [{ name: 'local', available: true, reason: null }];
  metrics = new Map<string, MetricHistory>();
  requests: { call: string; id?: string; body?: unknown }[] = [];

  listMonitors = async () => this.monitors;

  createMonitor = async (fields: MonitorCreate) => {
    this.requests.push({ call: 'createMonitor', body: fields });
    this._checkName(fields.name);
    const created = monitor(`m${this.monitors.length + 1}`, fields.name, fields);
    this.monitors = [...this.monitors, created];
    return created;
  };

  updateMonitor = async (id: string, fields: MonitorUpdate) => {
    this.requests.push({ call: 'updateMonitor', id, body: fields });
    const current = this._monitor(id);
    if (fields.name !== undefined && fields.name !== current.name) {
      this._checkName(fields.name);
    }
    this.monitors = this.monitors.map(m => (m.id === id ? { ...m, ...fields } : m));
    return this._monitor(id);
  };

  deleteMonitor = async (id: string) => {
    this.monitors = this.monitors.filter(m => m.id !== id);
  };

  runMonitor = async (id: string, window?: RunWindow) => {
    const run = execution(`e${this.executions.length + 1}`, id, 'running');
    this.executions = [run, ...this.executions];
    return run;
  };

  listExecutions = async (monitorId?: string, limit = 500) =>
    this.executions.filter(e => !monitorId || e.monitor_id === monitorId).slice(0, limit);

  getExecution = async (id: string) => {
    const found = this.executions.find(e => e.id === id);
    if (!found) {
      throw notFound(`No execution ${id}`);
    }
    return found;
  };

  cancelExecution = async (id: string) => this.setState(id, 'cancelled');

  listBackends = async () => this.backends;

  fetchMetrics = async (monitorId: string) => this.metrics.get(monitorId) ?? null;

  setState = (id: string, state: Execution['state']) => {
    this.executions = this.executions.map(e => (e.id === id ? { ...e, state } : e));
    return this.getExecution(id);
  };

  private _monitor(id: string): Monitor {
    const found = this.monitors.find(m => m.id === id);
    if (!found) {
      throw notFound(`No monitor ${id}`);
    }
    return found;
  }

  private _checkName(name: string): void {
    if (this.monitors.some(m => m.name === name)) {
      const message = `A monitor named ${name} exists already`;
      throw new ModelMonitorApiError(message, 409, { message, field: 'name' });
    }
  }
}

function notFound(message: string): ModelMonitorApiError {
  return new ModelMonitorApiError(message, 404, { message, field: null });
}
