import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';

import { Execution, Monitor } from '../api/types';
import { MonitorsModel } from '../models/MonitorsModel';
import { executionStatus, hasResults, monitorStatus } from '../models/monitorStatus';
import { element } from './dom';
import { formatTime, formatWindow } from './format';
import { statusBadge } from './statusBadge';

/** Runs listed under an expanded monitor; the metric history covers the older ones. */
const SHOWN_EXECUTIONS = 20;

/** What the user asked for in the list; the panel plugin carries it out. */
export type MonitorAction =
  | {
      kind: 'run' | 'run-over' | 'pause' | 'resume' | 'delete' | 'metrics' | 'edit';
      monitor: Monitor;
    }
  | { kind: 'open-results' | 'compare'; monitor: Monitor; execution: Execution };

/** The monitors with their badge, next run and backend; a monitor expands to its executions. */
export class MonitorList extends Widget {
  constructor(
    private readonly _model: MonitorsModel,
    private readonly _trans: TranslationBundle
  ) {
    super({ node: element('ul', { className: 'jp-ModelMonitor-monitorList' }) });
    _model.changed.connect(this._render, this);
    this._render();
  }

  get actionRequested(): ISignal<this, MonitorAction> {
    return this._actionRequested;
  }

  private _render(): void {
    // Re-render only when something changed, so a poll does not steal keyboard focus.
    const signature = JSON.stringify([
      this._model.monitors,
      this._model.monitors.map(m => [this._model.isExpanded(m.id), this._model.executionsOf(m.id)])
    ]);
    if (signature === this._signature) {
      return;
    }
    this._signature = signature;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    this.node.replaceChildren(...this._model.monitors.map(m => this._monitorItem(m)));
    if (focused) {
      this.node.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  private _monitorItem(monitor: Monitor): HTMLElement {
    const trans = this._trans;
    const executions = this._model.executionsOf(monitor.id);
    const expanded = this._model.isExpanded(monitor.id);
    const toggle = this._button(
      monitor.name,
      `expand:${monitor.id}`,
      'jp-ModelMonitor-monitorName'
    );
    toggle.setAttribute('aria-expanded', String(expanded));
    toggle.title = expanded ? trans.__('Hide executions') : trans.__('Show executions');
    toggle.addEventListener('click', () => this._model.toggleExpanded(monitor.id));
    const header = element('div', { className: 'jp-ModelMonitor-monitorHeader' }, [
      toggle,
      statusBadge(monitorStatus(executions), trans)
    ]);
    const children = [header, this._meta(monitor), this._actions(monitor, executions)];
    if (expanded) {
      children.push(this._executionList(monitor, executions));
    }
    return element(
      'li',
      {
        className: 'jp-ModelMonitor-monitor',
        attributes: { 'data-monitor-id': monitor.id, 'data-monitor-name': monitor.name }
      },
      children
    );
  }

  private _meta(monitor: Monitor): HTMLElement {
    const trans = this._trans;
    let next: string;
    if (!monitor.schedule) {
      next = trans.__('Manual runs only');
    } else if (!monitor.enabled) {
      next = trans.__('Paused');
    } else {
      next = trans.__('Next run %1', formatTime(monitor.next_run_at));
    }
    const meta = [
      element('span', { className: 'jp-ModelMonitor-nextRun', text: next }),
      element('span', {
        className: 'jp-ModelMonitor-monitorType',
        text: monitorTypeText(monitor, trans)
      }),
      element('span', { text: trans.__('Backend: %1', monitor.backend) })
    ];
    if (monitor.segment) {
      meta.push(
        element('span', {
          className: 'jp-ModelMonitor-monitorSegment',
          text: trans.__('Segments by %1', monitor.segment.by)
        })
      );
    }
    return element('div', { className: 'jp-ModelMonitor-monitorMeta' }, meta);
  }

  private _actions(monitor: Monitor, executions: readonly Execution[]): HTMLElement {
    const trans = this._trans;
    const buttons = [
      this._actionButton(trans.__('Run now'), { kind: 'run', monitor }),
      this._actionButton(trans.__('Run over…'), { kind: 'run-over', monitor })
    ];
    if (monitor.schedule) {
      const kind = monitor.enabled ? 'pause' : 'resume';
      const label = monitor.enabled ? trans.__('Pause') : trans.__('Resume');
      buttons.push(this._actionButton(label, { kind, monitor }));
    }
    const latest = executions.find(hasResults);
    if (latest) {
      const open = { kind: 'open-results' as const, monitor, execution: latest };
      buttons.push(this._actionButton(trans.__('Open results'), open));
    }
    if (executions.some(hasResults)) {
      buttons.push(this._actionButton(trans.__('Metrics'), { kind: 'metrics', monitor }));
    }
    buttons.push(this._actionButton(trans.__('Edit'), { kind: 'edit', monitor }));
    buttons.push(this._actionButton(trans.__('Delete'), { kind: 'delete', monitor }));
    return element('div', { className: 'jp-ModelMonitor-monitorActions' }, buttons);
  }

  private _executionList(monitor: Monitor, executions: readonly Execution[]): HTMLElement {
    if (executions.length === 0) {
      return element('p', {
        className: 'jp-ModelMonitor-lead',
        text: this._trans.__('No runs yet. Run now, or wait for the schedule.')
      });
    }
    const shown = executions.slice(0, SHOWN_EXECUTIONS);
    const items = shown.map(execution => this._executionItem(monitor, execution));
    const hidden = executions.length - shown.length;
    if (hidden > 0) {
      const text = this._trans._n('%1 older run not shown', '%1 older runs not shown', hidden);
      items.push(element('li', { className: 'jp-ModelMonitor-lead', text }));
    }
    return element('ul', { className: 'jp-ModelMonitor-executionList' }, items);
  }

  private _executionItem(monitor: Monitor, execution: Execution): HTMLElement {
    const trans = this._trans;
    const status = executionStatus(execution);
    const window = formatWindow(execution.window_start, execution.window_end);
    const children: Node[] = [
      statusBadge(status, trans),
      element('span', { className: 'jp-ModelMonitor-executionWindow', text: window })
    ];
    if (execution.message) {
      children.push(
        element('span', { className: 'jp-ModelMonitor-executionMessage', text: execution.message })
      );
    }
    if (hasResults(execution)) {
      const open = { kind: 'open-results' as const, monitor, execution };
      const compare = { kind: 'compare' as const, monitor, execution };
      children.push(
        this._actionButton(trans.__('Open results'), open, execution.id),
        this._actionButton(trans.__('Compare with baseline'), compare, execution.id)
      );
    }
    return element(
      'li',
      { className: 'jp-ModelMonitor-execution', attributes: { 'data-execution-id': execution.id } },
      children
    );
  }

  private _actionButton(label: string, action: MonitorAction, key = action.monitor.id) {
    const button = this._button(label, `${action.kind}:${key}`, 'jp-ModelMonitor-action');
    button.dataset.action = action.kind;
    button.addEventListener('click', () => this._actionRequested.emit(action));
    return button;
  }

  private _button(text: string, focusKey: string, className: string): HTMLButtonElement {
    return element('button', {
      className,
      text,
      attributes: { type: 'button', 'data-focus-key': focusKey }
    });
  }

  private _signature = '';
  private _actionRequested = new Signal<this, MonitorAction>(this);
}

/** "Data quality", "Model quality · <problem type>" or "Custom · <script or image>". */
function monitorTypeText(monitor: Monitor, trans: TranslationBundle): string {
  if (monitor.monitor_type === 'custom') {
    const custom = monitor.custom_monitor;
    const program = custom?.image ?? custom?.script?.split('/').pop();
    return program ? trans.__('Custom · %1', program) : trans.__('Custom');
  }
  if (monitor.monitor_type !== 'model-quality') {
    return trans.__('Data quality');
  }
  const problem = monitor.model_quality?.problem_type;
  return problem ? trans.__('Model quality · %1', problem) : trans.__('Model quality');
}
