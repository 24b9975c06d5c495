import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';

import { Alert } from '../api/types';
import { AlertsModel } from '../models/AlertsModel';
import { element } from './dom';
import { formatTime } from './format';
import { statusBadge } from './statusBadge';

/** What the user asked for in the alerts section; the panel plugin carries it out. */
export type AlertAction =
  { kind: 'open' | 'acknowledge' | 'mute' | 'unmute'; alert: Alert } | { kind: 'acknowledge-all' };

/** Hours a monitor is muted for from the list or a notification. */
export const MUTE_HOURS = 24;
/** Alerts listed until the user asks for the older ones. */
const COLLAPSED_ALERTS = 3;

/**
 * The Alerts section of the side panel: unread count, the newest alerts (unread ones marked),
 * and per alert: open it, mark it read, mute or unmute its monitor. `mutedUntil` says whether a
 * monitor is muted now (from the monitors the panel lists).
 */
export class AlertList extends Widget {
  constructor(
    private readonly _model: AlertsModel,
    private readonly _mutedUntil: (monitorId: string) => string | null,
    private readonly _trans: TranslationBundle
  ) {
    super({ node: element('section', { className: 'jp-ModelMonitor-alerts' }) });
    this.node.setAttribute('aria-label', _trans.__('Alerts'));
    _model.changed.connect(this.render, this);
    this.render();
  }

  get actionRequested(): ISignal<this, AlertAction> {
    return this._actionRequested;
  }

  /** Renders again if anything shown changed (so a poll does not steal keyboard focus). */
  render(): void {
    const model = this._model;
    const signature = JSON.stringify([
      model.loaded,
      model.alerts,
      model.unread,
      model.error,
      model.alerts.map(a => this._mutedUntil(a.monitor_id))
    ]);
    if (signature === this._signature) {
      return;
    }
    this._signature = signature;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    this.node.replaceChildren(this._header(), this._body());
    if (focused) {
      this.node.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  private _header(): HTMLElement {
    const trans = this._trans;
    const unread = this._model.unread;
    const children: Node[] = [element('h3', { text: trans.__('Alerts') })];
    if (unread > 0) {
      children.push(
        element('span', {
          className: 'jp-ModelMonitor-unreadCount',
          text: trans._n('%1 unread', '%1 unread', unread)
        }),
        this._button(trans.__('Mark all read'), { kind: 'acknowledge-all' }, 'all')
      );
    }
    return element('div', { className: 'jp-ModelMonitor-alertsHeader' }, children);
  }

  private _body(): HTMLElement {
    const model = this._model;
    const trans = this._trans;
    if (model.error) {
      return element('p', {
        className: 'jp-ModelMonitor-panelStatus jp-ModelMonitor-error',
        text: trans.__('Could not load alerts: %1', model.error)
      });
    }
    if (model.alerts.length === 0) {
      return element('p', {
        className: 'jp-ModelMonitor-lead',
        text: model.loaded
          ? trans.__('No alerts. A run that ends with violations or fails raises one here.')
          : trans.__('Loading alerts…')
      });
    }
    const shown = this._expanded ? model.alerts : model.alerts.slice(0, COLLAPSED_ALERTS);
    const list = element(
      'ul',
      { className: 'jp-ModelMonitor-alertList' },
      shown.map(alert => this._alertItem(alert))
    );
    const hidden = model.alerts.length - COLLAPSED_ALERTS;
    if (hidden <= 0) {
      return list;
    }
    const toggle = element('button', {
      className: 'jp-ModelMonitor-fileLink jp-ModelMonitor-alertsToggle',
      text: this._expanded
        ? trans.__('Show fewer alerts')
        : trans._n('Show %1 older alert', 'Show %1 older alerts', hidden),
      attributes: {
        type: 'button',
        'data-focus-key': 'toggle',
        'aria-expanded': String(this._expanded)
      }
    });
    toggle.addEventListener('click', () => {
      this._expanded = !this._expanded;
      this._signature = '';
      this.render();
    });
    return element('div', {}, [list, toggle]);
  }

  private _alertItem(alert: Alert): HTMLElement {
    const trans = this._trans;
    const unread = !alert.acknowledged_at;
    const status = alert.kind === 'failed' ? 'failed' : 'violations';
    const meta = [formatTime(alert.created_at)];
    if (alert.muted) {
      meta.push(trans.__('muted'));
    }
    const muted = this._isMuted(alert.monitor_id);
    const actions = [
      this._button(
        alert.kind === 'failed' ? trans.__('Show run') : trans.__('Compare with baseline'),
        { kind: 'open', alert }
      ),
      unread ? this._button(trans.__('Mark read'), { kind: 'acknowledge', alert }) : null,
      muted
        ? this._button(trans.__('Unmute'), { kind: 'unmute', alert })
        : this._button(trans.__('Mute %1 h', MUTE_HOURS), { kind: 'mute', alert })
    ].filter((button): button is HTMLButtonElement => button !== null);
    return element(
      'li',
      {
        className: `jp-ModelMonitor-alert${unread ? ' jp-mod-unread' : ''}`,
        attributes: { 'data-alert-id': String(alert.id), 'data-unread': String(unread) }
      },
      [
        element('div', { className: 'jp-ModelMonitor-alertHeader' }, [
          statusBadge(status, trans),
          element('span', { className: 'jp-ModelMonitor-alertMeta', text: meta.join(' · ') })
        ]),
        element('div', { className: 'jp-ModelMonitor-alertMessage', text: alert.message }),
        element('div', { className: 'jp-ModelMonitor-alertActions' }, actions)
      ]
    );
  }

  private _isMuted(monitorId: string): boolean {
    const until = this._mutedUntil(monitorId);
    return until !== null && new Date(until).getTime() > Date.now();
  }

  private _button(label: string, action: AlertAction, key?: string): HTMLButtonElement {
    const id = key ?? ('alert' in action ? String(action.alert.id) : 'all');
    const button = element('button', {
      className: 'jp-ModelMonitor-action',
      text: label,
      attributes: { type: 'button', 'data-focus-key': `${action.kind}:${id}` }
    });
    button.dataset.action = action.kind;
    button.addEventListener('click', () => this._actionRequested.emit(action));
    return button;
  }

  private _signature = '';
  private _expanded = false;
  private _actionRequested = new Signal<this, AlertAction>(this);
}
