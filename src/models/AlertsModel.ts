import { Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { Alert, AlertFeed, Monitor } from '../api/types';
import { messageOf } from './errorMessage';

/** The server calls the model needs; the real ones are in src/api/alerts.ts. */
export interface IAlertsApi {
  listAlerts(since?: number, limit?: number): Promise<AlertFeed>;
  acknowledgeAlerts(
    which: { ids: number[] } | { upTo: number }
  ): Promise<{ acknowledged: number; unread: number }>;
  muteMonitor(monitorId: string, until: string | null): Promise<Monitor>;
}

const POLL_INTERVAL_MS = 10_000;
const POLL_MAX_INTERVAL_MS = 300_000;
/** Alerts listed in the panel; older ones stay in the store. */
export const SHOWN_ALERTS = 20;
/** New alerts asked for per poll; more wait for the next one. */
const NEW_ALERTS_PER_POLL = 100;

/**
 * The alerts feed, followed by a Poll whatever the panel shows (an alert must reach the user with
 * the panel collapsed), standing by while the browser tab is hidden. Alerts that existed when the
 * Lab opened are listed but not announced: `raised` carries only those raised since.
 */
export class AlertsModel {
  constructor(private readonly _api: IAlertsApi) {
    this._poll = new Poll({
      factory: () => this._fetch(),
      frequency: { interval: POLL_INTERVAL_MS, backoff: true, max: POLL_MAX_INTERVAL_MS },
      standby: 'when-hidden',
      name: 'jupyterlab-model-monitor:alerts'
    });
  }

  /** Emitted after a refresh that changed something. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Alerts raised since the Lab opened, oldest first, as they arrive. */
  get raised(): ISignal<this, Alert[]> {
    return this._raised;
  }

  /** The newest alerts, newest first (SHOWN_ALERTS at most). */
  get alerts(): readonly Alert[] {
    return this._alerts;
  }

  /** Alerts not acknowledged yet, of every monitor. */
  get unread(): number {
    return this._unread;
  }

  get loaded(): boolean {
    return this._cursor !== null;
  }

  /** The last refresh's error message, or null when it succeeded. */
  get error(): string | null {
    return this._error;
  }

  /** Asks the server now (the poll's schedule restarts from here). */
  refresh(): Promise<void> {
    return this._poll.refresh();
  }

  /** Fetches at once and resolves when done; errors are recorded in `error` as by the poll. */
  async reload(): Promise<void> {
    await this._fetch().catch(() => undefined);
  }

  /** Marks these alerts read, for every open Lab. */
  async acknowledge(ids: number[]): Promise<void> {
    const unread = ids.filter(id => this._alerts.some(a => a.id === id && !a.acknowledged_at));
    if (unread.length > 0) {
      await this._api.acknowledgeAlerts({ ids: unread });
      await this._reload();
    }
  }

  /** Marks every alert raised so far read. */
  async acknowledgeAll(): Promise<void> {
    if (this._cursor) {
      await this._api.acknowledgeAlerts({ upTo: this._cursor });
      await this._reload();
    }
  }

  /** Mutes the monitor's notifications for `hours` from `now`; null hours unmutes it. */
  async mute(monitorId: string, hours: number | null, now = Date.now()): Promise<Monitor> {
    const until = hours === null ? null : new Date(now + hours * 3_600_000).toISOString();
    return this._api.muteMonitor(monitorId, until);
  }

  dispose(): void {
    this._poll.dispose();
    Signal.clearData(this);
  }

  /** One fetch at a time: two at once would both see the same new alerts and announce them twice. */
  private _fetch(): Promise<void> {
    const next = this._fetching.then(() => this._fetchOnce());
    this._fetching = next.catch(() => undefined);
    return next;
  }

  private async _fetchOnce(): Promise<void> {
    try {
      if (this._cursor === null) {
        await this._reload();
        return;
      }
      const feed = await this._api.listAlerts(this._cursor, NEW_ALERTS_PER_POLL);
      this._cursor = Math.max(this._cursor, feed.cursor);
      this._error = null;
      if (feed.alerts.length > 0 || feed.unread !== this._unread) {
        // New alerts, or some read in another Lab: list the newest again.
        await this._reload();
      }
      if (feed.alerts.length > 0) {
        this._raised.emit(feed.alerts);
      }
    } catch (error) {
      const message = messageOf(error);
      if (message !== this._error) {
        this._error = message;
        this._changed.emit();
      }
      throw error; // lets the Poll back off
    }
  }

  /**
   * Lists the newest alerts. The cursor is set on the first call only: later ones move it as
   * alerts are announced, so one raised between two calls is not skipped.
   */
  private async _reload(): Promise<void> {
    const feed = await this._api.listAlerts(undefined, SHOWN_ALERTS);
    this._alerts = [...feed.alerts].reverse();
    this._unread = feed.unread;
    this._cursor ??= feed.cursor;
    this._error = null;
    this._changed.emit();
  }

  private _poll: Poll;
  private _fetching: Promise<void> = Promise.resolve();
  private _alerts: Alert[] = [];
  private _unread = 0;
  private _cursor: number | null = null;
  private _error: string | null = null;
  private _changed = new Signal<this, void>(this);
  private _raised = new Signal<this, Alert[]>(this);
}
