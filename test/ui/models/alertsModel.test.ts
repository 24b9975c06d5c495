import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { Alert, AlertFeed, Monitor } from '../../../src/api/types';
import { AlertsModel, IAlertsApi, SHOWN_ALERTS } from '../../../src/models/AlertsModel';
import { AlertAction, AlertList } from '../../../src/widgets/AlertList';

const trans = nullTranslator.load('jupyterlab_model_monitor');

function alert(id: number, extra: Partial<Alert> = {}): Alert {
  return {
    id,
    monitor_id: 'm1',
    execution_id: `e${id}`,
    kind: 'violations',
    message: `churn: ${id} violations (baseline_drift_check)`,
    notify: true,
    muted: false,
    violations: [],
    acknowledged_at: null,
    deliveries: null,
    created_at: `2026-12-06T10:${String(id).padStart(2, '0')}:00Z`,
    ...extra
  };
}

/** The alert routes' semantics (handlers.py, store.py), in memory; other Labs act through it. */
class MemoryAlertsApi implements IAlertsApi {
  alerts: Alert[] = [];
  mutes: [string, string | null][] = [];
  raise(extra: Partial<Alert> = {}): Alert {
    const raised = alert(this.alerts.length + 1, extra);
    this.alerts.push(raised);
    return raised;
  }
  listAlerts = async (since?: number, limit = 100): Promise<AlertFeed> => {
    const picked =
      since === undefined
        ? this.alerts.slice(-limit)
        : this.alerts.filter(a => a.id > since).slice(0, limit);
    const last = this.alerts.length ? this.alerts[this.alerts.length - 1].id : 0;
    const cursor = picked.length ? picked[picked.length - 1].id : (since ?? last);
    return { alerts: picked, cursor, unread: this.alerts.filter(a => !a.acknowledged_at).length };
  };
  acknowledgeAlerts = async (which: { ids: number[] } | { upTo: number }) => {
    const chosen = this.alerts.filter(a =>
      'ids' in which ? which.ids.includes(a.id) : a.id <= which.upTo
    );
    const fresh = chosen.filter(a => !a.acknowledged_at);
    fresh.forEach(a => (a.acknowledged_at = '2026-12-06T11:00:00Z'));
    return {
      acknowledged: fresh.length,
      unread: this.alerts.filter(a => !a.acknowledged_at).length
    };
  };
  muteMonitor = async (monitorId: string, until: string | null) => {
    this.mutes.push([monitorId, until]);
    return { id: monitorId, name: 'churn', muted_until: until } as Monitor;
  };
}

describe('AlertsModel', () => {
  let api: MemoryAlertsApi;
  let model: AlertsModel;
  let raised: number[][];

  beforeEach(() => {
    api = new MemoryAlertsApi();
    model = new AlertsModel(api);
    raised = [];
    model.raised.connect((_, alerts) => raised.push(alerts.map(a => a.id)));
  });

  afterEach(() => model.dispose());

  it('lists the alerts already there without announcing them, then announces new ones once', async () => {
    api.raise();
    api.raise({ acknowledged_at: '2026-12-06T09:00:00Z' });
    await model.reload();
    expect(model.alerts.map(a => a.id)).toEqual([2, 1]);
    expect(model.unread).toBe(1);
    expect(raised).toEqual([]);

    api.raise();
    api.raise({ kind: 'failed' });
    await model.reload();
    expect(raised).toEqual([[3, 4]]);
    expect(model.alerts.map(a => a.id)).toEqual([4, 3, 2, 1]);
    expect(model.unread).toBe(3);
    await model.reload();
    expect(raised).toEqual([[3, 4]]);
  });

  it('keeps the newest alerts only, and follows reads made in another Lab', async () => {
    for (let i = 0; i < SHOWN_ALERTS + 5; i++) {
      api.raise();
    }
    await model.reload();
    expect(model.alerts).toHaveLength(SHOWN_ALERTS);
    expect(model.alerts[0].id).toBe(SHOWN_ALERTS + 5);

    await api.acknowledgeAlerts({ upTo: 10 }); // another Lab
    await model.reload();
    expect(model.unread).toBe(SHOWN_ALERTS - 5);
    expect(raised).toEqual([]);
  });

  it('marks alerts read one by one or all, and mutes a monitor for some hours', async () => {
    api.raise();
    api.raise();
    await model.reload();
    await model.acknowledge([1]);
    expect(model.unread).toBe(1);
    expect(model.alerts.find(a => a.id === 1)!.acknowledged_at).not.toBeNull();
    await model.acknowledgeAll();
    expect(model.unread).toBe(0);

    await model.mute('m1', 24, Date.parse('2026-12-06T10:00:00Z'));
    await model.mute('m1', null);
    expect(api.mutes).toEqual([
      ['m1', '2026-12-07T10:00:00.000Z'],
      ['m1', null]
    ]);
  });

  it('records a failed poll and recovers', async () => {
    await model.reload();
    const listAlerts = api.listAlerts;
    api.listAlerts = async () => {
      throw new Error('503 Service Unavailable');
    };
    await model.reload();
    expect(model.error).toBe('503 Service Unavailable');
    api.listAlerts = listAlerts;
    api.raise();
    await model.reload();
    expect(model.error).toBeNull();
    expect(raised).toEqual([[1]]);
  });
});

describe('AlertList', () => {
  let api: MemoryAlertsApi;
  let model: AlertsModel;
  let list: AlertList;
  let mutedUntil: string | null;
  let actions: AlertAction[];

  beforeEach(async () => {
    api = new MemoryAlertsApi();
    model = new AlertsModel(api);
    mutedUntil = null;
    list = new AlertList(model, () => mutedUntil, trans);
    actions = [];
    list.actionRequested.connect((_, action) => actions.push(action));
    Widget.attach(list, document.body);
  });

  afterEach(() => {
    list.dispose();
    model.dispose();
  });

  const item = (id: number) => list.node.querySelector(`[data-alert-id="${id}"]`) as HTMLElement;
  const click = (id: number, action: string) =>
    (item(id).querySelector(`[data-action="${action}"]`) as HTMLButtonElement).click();

  it('says when there is no alert', async () => {
    await model.reload();
    list.render();
    expect(list.node.textContent).toContain('No alerts.');
    expect(list.node.querySelector('.jp-ModelMonitor-unreadCount')).toBeNull();
  });

  it('shows unread alerts marked, with their actions, and the message as text', async () => {
    api.raise({ message: '<img src=x onerror=alert(1)>: 2 violations' });
    api.raise({ kind: 'failed', message: 'churn: the run failed', muted: true });
    api.raise({ acknowledged_at: '2026-12-06T09:00:00Z' });
    await model.reload();
    list.render();
    expect(list.node.querySelector('.jp-ModelMonitor-unreadCount')!.textContent).toBe('2 unread');
    expect(item(1).dataset.unread).toBe('true');
    expect(item(3).dataset.unread).toBe('false');
    expect(item(3).querySelector('[data-action="acknowledge"]')).toBeNull();
    expect(item(3).querySelector('[data-action="mute"]')).not.toBeNull();
    expect(list.node.querySelector('img')).toBeNull();
    expect(item(1).querySelector('.jp-ModelMonitor-alertMessage')!.textContent).toBe(
      '<img src=x onerror=alert(1)>: 2 violations'
    );
    expect(item(2).querySelector('[data-status]')!.getAttribute('data-status')).toBe('failed');
    expect(item(2).textContent).toContain('Show run');
    expect(item(2).textContent).toContain('muted');

    click(1, 'open');
    click(1, 'acknowledge');
    click(1, 'mute');
    (list.node.querySelector('[data-action="acknowledge-all"]') as HTMLButtonElement).click();
    expect(actions.map(a => a.kind)).toEqual(['open', 'acknowledge', 'mute', 'acknowledge-all']);
  });

  it('lists the newest alerts and shows the older ones on request', async () => {
    for (let i = 0; i < 5; i++) {
      api.raise();
    }
    await model.reload();
    const ids = () =>
      [...list.node.querySelectorAll<HTMLElement>('[data-alert-id]')].map(n => n.dataset.alertId);
    expect(ids()).toEqual(['5', '4', '3']);
    const toggle = list.node.querySelector('.jp-ModelMonitor-alertsToggle') as HTMLButtonElement;
    expect(toggle.textContent).toBe('Show 2 older alerts');
    toggle.click();
    expect(ids()).toEqual(['5', '4', '3', '2', '1']);
  });

  it('offers to unmute a monitor muted now', async () => {
    api.raise();
    await model.reload();
    mutedUntil = new Date(Date.now() + 3_600_000).toISOString();
    list.render();
    expect(item(1).querySelector('[data-action="unmute"]')).not.toBeNull();
    mutedUntil = new Date(Date.now() - 1000).toISOString();
    list.render();
    expect(item(1).querySelector('[data-action="mute"]')).not.toBeNull();
  });
});
