import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import type { Message } from '@lumino/messaging';
import { Panel, Widget } from '@lumino/widgets';

import { AlertsModel } from '../models/AlertsModel';
import { MonitorsModel } from '../models/MonitorsModel';
import { ResultFilesModel } from '../models/ResultFilesModel';
import { AlertAction, AlertList } from './AlertList';
import { element } from './dom';
import { modelMonitorIcon } from './icons';
import { MonitorAction, MonitorList } from './MonitorList';

export const SIDE_PANEL_ID = 'jp-ModelMonitor-sidePanel';

/**
 * The left side panel: the alerts, the monitors and their executions, or, before the first
 * monitor, an empty state that tells a new user where to start; plus the result files found near
 * the server's root.
 */
export class SidePanel extends Panel {
  constructor(
    private readonly _results: ResultFilesModel,
    private readonly _monitors: MonitorsModel,
    private readonly _alerts: AlertsModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.id = SIDE_PANEL_ID;
    this.addClass('jp-ModelMonitor-sidePanel');
    this.title.icon = modelMonitorIcon;
    this._list = new MonitorList(_monitors, _trans);
    this._list.actionRequested.connect((_, action) => this._actionRequested.emit(action));
    const mutedUntil = (id: string) =>
      _monitors.monitors.find(m => m.id === id)?.muted_until ?? null;
    this._alertList = new AlertList(_alerts, mutedUntil, _trans);
    this._alertList.actionRequested.connect((_, action) => this._alertActionRequested.emit(action));
    _monitors.changed.connect(() => this._alertList.render());
    _alerts.changed.connect(this._renderCaption, this);
    this._renderCaption();
    this.addWidget(new Widget({ node: this._header() }));
    this.addWidget(new Widget({ node: this._status }));
    this.addWidget(this._alertList);
    this.addWidget(this._list);
    this.addWidget(new Widget({ node: this._emptyState() }));
    this.addWidget(new Widget({ node: this._scheduleNote() }));
    this.addWidget(new Widget({ node: this._resultsSection }));
    _results.changed.connect(this._renderResultFiles, this);
    _monitors.changed.connect(this._renderState, this);
    this._renderResultFiles();
    this._renderState();
  }

  /** Emitted when the user asks to open a file. */
  get openRequested(): ISignal<this, string> {
    return this._openRequested;
  }

  /** Emitted when the user asks for a new schedule. */
  get createRequested(): ISignal<this, void> {
    return this._createRequested;
  }

  /** Emitted when the user acts on a monitor or an execution. */
  get actionRequested(): ISignal<this, MonitorAction> {
    return this._actionRequested;
  }

  /** Emitted when the user acts on an alert. */
  get alertActionRequested(): ISignal<this, AlertAction> {
    return this._alertActionRequested;
  }

  /** Emitted the first time the panel becomes visible. */
  get firstShown(): ISignal<this, void> {
    return this._firstShown;
  }

  protected onAfterShow(msg: Message): void {
    if (!this._shown) {
      this._shown = true;
      this._firstShown.emit();
    }
    void this._monitors.refresh();
    void this._alerts.refresh();
    void this._results.refresh();
  }

  /** The sidebar tab's tooltip counts unread alerts (the tab shows only the icon). */
  private _renderCaption(): void {
    const unread = this._alerts.unread;
    const name = this._trans.__('Model Monitor');
    this.title.caption =
      unread > 0
        ? this._trans._n('%2: %1 unread alert', '%2: %1 unread alerts', unread, name)
        : name;
    this.title.className = unread > 0 ? 'jp-ModelMonitor-hasUnread' : '';
  }

  private _header(): HTMLElement {
    const trans = this._trans;
    const create = element('button', {
      className: 'jp-ModelMonitor-createButton',
      text: trans.__('New schedule…'),
      title: trans.__('Create a monitor that runs on a schedule'),
      attributes: { type: 'button' }
    });
    create.addEventListener('click', () => this._createRequested.emit());
    return element('div', { className: 'jp-ModelMonitor-panelHeader' }, [
      element('h2', { text: trans.__('Monitors') }),
      create
    ]);
  }

  /** Loading / error line above the list; the empty state shows once the server said "none". */
  private _renderState(): void {
    const model = this._monitors;
    const trans = this._trans;
    let text = '';
    if (!model.loaded) {
      text = trans.__('Loading monitors…');
    } else if (model.error) {
      text = trans.__('Could not load monitors: %1', model.error);
    }
    this._status.textContent = text;
    this._status.hidden = !text;
    this._status.classList.toggle('jp-ModelMonitor-error', !!model.error);
    const empty = model.loaded && !model.error && model.monitors.length === 0;
    this.node.classList.toggle('jp-mod-empty', empty);
  }

  private _emptyState(): HTMLElement {
    const trans = this._trans;
    const step = (title: string, text: string, extra: Node[] = []) =>
      element('li', {}, [element('strong', { text: title }), element('p', { text }), ...extra]);
    return element('div', { className: 'jp-ModelMonitor-emptyState' }, [
      element('p', {
        className: 'jp-ModelMonitor-lead',
        text: trans.__('No monitors yet. Start from a baseline or a result you already have:')
      }),
      element('ol', {}, [
        step(
          trans.__('Look at a result'),
          trans.__(
            'Open a statistics.json or constraint_violations.json from the file browser to see its features, histograms and violations.'
          )
        ),
        step(
          trans.__('Build a baseline'),
          trans.__(
            'In a terminal, profile your training data to write statistics.json and constraints.json:'
          ),
          [
            commandLine('model-monitor baseline --dataset train.csv --header --output baseline'),
            element('p', {
              className: 'jp-ModelMonitor-lead',
              text: trans.__(
                'model-monitor --help lists every command and option. Without a terminal: Model Monitor › Build Baseline… in the menu bar.'
              )
            })
          ]
        ),
        step(
          trans.__('Schedule a monitor'),
          trans.__(
            'Click "New schedule…" and pick your captures and the baseline: each run compares a time window of captures with it.'
          )
        )
      ])
    ]);
  }

  private _scheduleNote(): HTMLElement {
    return element('p', {
      className: 'jp-ModelMonitor-note',
      text: this._trans.__(
        "Schedules run while a Jupyter server with Model Monitor runs; runs missed while it was stopped follow each monitor's catch-up policy."
      )
    });
  }

  private _renderResultFiles(): void {
    const paths = this._results.paths;
    if (paths.length === 0) {
      this._resultsSection.replaceChildren();
      return;
    }
    const items = paths.map(path => {
      const button = element('button', {
        className: 'jp-ModelMonitor-fileLink',
        text: path,
        title: this._trans.__('Open %1', path),
        attributes: { type: 'button' }
      });
      button.addEventListener('click', () => this._openRequested.emit(path));
      return element('li', {}, [button]);
    });
    this._resultsSection.replaceChildren(
      element('h3', { text: this._trans.__('Result files') }),
      element('ul', { className: 'jp-ModelMonitor-fileList' }, items)
    );
  }

  private _list: MonitorList;
  private _alertList: AlertList;
  private _alertActionRequested = new Signal<this, AlertAction>(this);
  private _status = element('p', { className: 'jp-ModelMonitor-panelStatus' });
  private _resultsSection = element('section', { className: 'jp-ModelMonitor-resultFiles' });
  private _shown = false;
  private _openRequested = new Signal<this, string>(this);
  private _createRequested = new Signal<this, void>(this);
  private _actionRequested = new Signal<this, MonitorAction>(this);
  private _firstShown = new Signal<this, void>(this);
}

/** A shell command whose words never break inside (e.g. after the hyphens of `--output`). */
function commandLine(command: string): HTMLElement {
  const words = command.split(' ').map(word => element('span', { text: word }));
  const code = element('code', { className: 'jp-ModelMonitor-code' });
  words.forEach((word, i) => code.append(...(i > 0 ? [' ', word] : [word])));
  return code;
}
