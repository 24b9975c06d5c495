import { Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { ModelMonitorApiError } from '../api/errors';
import { Backend, Execution, MetricHistory, Monitor, MonitorCreate, RunWindow } from '../api/types';
import { hasEnded } from './executionState';
import { followUntilEnded } from './followUntilEnded';
import { groupByMonitor } from './monitorStatus';
import { messageOf } from './errorMessage';

/** The server calls the model needs; the real ones are in src/api/monitors.ts. */
export interface IMonitorsApi {
  listMonitors(): Promise<Monitor[]>;
  createMonitor(fields: MonitorCreate): Promise<Monitor>;
  updateMonitor(id: string, fields: MonitorUpdate): Promise<Monitor>;
  deleteMonitor(id: string): Promise<void>;
  runMonitor(id: string, window?: RunWindow): Promise<Execution>;
  listExecutions(monitorId?: string, limit?: number): Promise<Execution[]>;
  getExecution(id: string): Promise<Execution>;
  cancelExecution(id: string): Promise<Execution>;
  listBackends(): Promise<Backend[]>;
  fetchMetrics(monitorId: string): Promise<MetricHistory | null>;
}

/** The fields a PATCH may change. */
export type MonitorUpdate = Partial<MonitorCreate & { enabled: boolean }>;

const POLL_INTERVAL_MS = 5000;
const POLL_MAX_INTERVAL_MS = 60_000;
const FOLLOW_INTERVAL_MS = 1500;

/**
 * Monitors and their executions, kept fresh by a Poll. The poll stands by while `isVisible()`
 * says nobody looks (the panel is collapsed) and while the browser tab is hidden.
 */
export class MonitorsModel {
  constructor(
    private readonly _api: IMonitorsApi,
    isVisible: () => boolean = () => true
  ) {
    this._poll = new Poll({
      factory: () => this._fetch(),
      frequency: { interval: POLL_INTERVAL_MS, backoff: true, max: POLL_MAX_INTERVAL_MS },
      standby: () => (isVisible() ? 'when-hidden' : true),
      name: 'jupyterlab-model-monitor:monitors'
    });
  }

  /** Emitted after each refresh, and when the expanded monitor changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get monitors(): readonly Monitor[] {
    return this._monitors;
  }

  /** False until the first answer (or error) arrived. */
  get loaded(): boolean {
    return this._loaded;
  }

  /** The last refresh's error message, or null when it succeeded. */
  get error(): string | null {
    return this._error;
  }

  /** Executions of a monitor, newest first. */
  executionsOf(monitorId: string): readonly Execution[] {
    return this._executions.get(monitorId) ?? [];
  }

  isExpanded(monitorId: string): boolean {
    return this._expanded.has(monitorId);
  }

  toggleExpanded(monitorId: string): void {
    if (!this._expanded.delete(monitorId)) {
      this._expanded.add(monitorId);
    }
    this._changed.emit();
  }

  /** Asks the server now (e.g. when the panel is shown, or after an action). */
  refresh(): Promise<void> {
    return this._poll.refresh();
  }

  /** Whether this Lab started the execution (its run command reports how it ended). */
  startedHere(executionId: string | null): boolean {
    return executionId !== null && this._startedHere.has(executionId);
  }

  async create(fields: MonitorCreate): Promise<Monitor> {
    const monitor = await this._api.createMonitor(fields);
    await this.reload();
    return monitor;
  }

  async update(monitorId: string, fields: MonitorUpdate): Promise<Monitor> {
    const monitor = await this._api.updateMonitor(monitorId, fields);
    await this.reload();
    return monitor;
  }

  async run(monitorId: string, window?: RunWindow): Promise<Execution> {
    const execution = await this._api.runMonitor(monitorId, window);
    this._startedHere.add(execution.id);
    this._expanded.add(monitorId);
    await this.reload();
    return execution;
  }

  /** Follows an execution until it has ended (see followUntilEnded); the list is then fresh. */
  async follow(execution: Execution, signal?: AbortSignal): Promise<Execution> {
    const ended = hasEnded(execution)
      ? execution
      : await followUntilEnded({
          fetch: () => this._api.getExecution(execution.id),
          hasEnded,
          signal,
          intervalMs: FOLLOW_INTERVAL_MS
        });
    await this.reload();
    return ended;
  }

  /** Asks the server to cancel a running execution; its follower sees it end. */
  async cancel(executionId: string): Promise<void> {
    await this._api.cancelExecution(executionId);
    await this.reload();
  }

  async setEnabled(monitorId: string, enabled: boolean): Promise<void> {
    await this.update(monitorId, { enabled });
  }

  async remove(monitorId: string): Promise<void> {
    await this._api.deleteMonitor(monitorId);
    this._expanded.delete(monitorId);
    await this.reload();
  }

  /** One execution as the server has it now. */
  fetchExecution(executionId: string): Promise<Execution> {
    return this._api.getExecution(executionId);
  }

  /** A monitor's executions, newest first, beyond those the list keeps. */
  fetchExecutions(monitorId: string, limit: number): Promise<Execution[]> {
    return this._api.listExecutions(monitorId, limit);
  }

  /** A monitor's metric history; null when the server predates the metrics route. */
  fetchMetrics(monitorId: string): Promise<MetricHistory | null> {
    return this._api.fetchMetrics(monitorId);
  }

  /** The server's backends; just `local` when it predates GET /backends. */
  async backends(): Promise<Backend[]> {
    try {
      const backends = await this._api.listBackends();
      if (backends.length) {
        return backends;
      }
    } catch (error) {
      if (!(error instanceof ModelMonitorApiError && error.status === 404)) {
        console.warn('Model Monitor: could not list backends', error);
      }
    }
    return [{ name: 'local', available: true, reason: null }];
  }

  dispose(): void {
    this._poll.dispose();
    Signal.clearData(this);
  }

  /** Fetches at once and resolves when done; errors are recorded in `error` as by the poll. */
  async reload(): Promise<void> {
    await this._fetch().catch(() => undefined);
  }

  private async _fetch(): Promise<void> {
    try {
      const [monitors, executions] = await Promise.all([
        this._api.listMonitors(),
        this._api.listExecutions(undefined, 1000)
      ]);
      this._monitors = [...monitors].sort((a, b) => a.name.localeCompare(b.name));
      this._executions = groupByMonitor(executions);
      this._error = null;
    } catch (error) {
      this._error = messageOf(error);
      throw error; // lets the Poll back off
    } finally {
      this._loaded = true;
      this._changed.emit();
    }
  }

  private _poll: Poll;
  private _monitors: Monitor[] = [];
  private _executions = new Map<string, Execution[]>();
  private _expanded = new Set<string>();
  private _startedHere = new Set<string>();
  private _loaded = false;
  private _error: string | null = null;
  private _changed = new Signal<this, void>(this);
}
