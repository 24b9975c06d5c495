import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import {
  BrowserProfileModel,
  BrowserProfileState,
  RunDiagnostics
} from '../models/BrowserProfileModel';
import { StatisticsTableModel } from '../models/StatisticsTableModel';
import { ViewerSettings } from '../models/ViewerSettings';
import { ProgressMessage } from '../worker/protocol';
import { diagnosticsSection } from './diagnosticsTable';
import { element } from './dom';
import { formatCount, formatPercent } from './format';
import { StatisticsView } from './StatisticsView';
import { messageOf } from '../models/errorMessage';

export interface BrowserProfileActions {
  cancel(): void;
  /** Saves statistics.json and constraints.json; resolves with a line telling where. */
  save(): Promise<string>;
  /** Opens a data file at a bad record's line (the diagnostics' file names become links). */
  openAt?(file: string, line: number | null): void;
}

/**
 * A file profiled in the browser: a progress bar with Cancel while it runs; then a save button,
 * the records that could not be read (file, line, field, reason) and the statistics view.
 */
export class BrowserProfileView extends Panel {
  constructor(
    readonly model: BrowserProfileModel,
    private readonly _actions: BrowserProfileActions,
    private readonly _settings: ViewerSettings,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-browserProfile');
    this._bar = element('progress', {
      className: 'jp-ModelMonitor-progressBar',
      attributes: { 'aria-label': _trans.__('Profiling progress') }
    });
    this._barText = element('span', { className: 'jp-ModelMonitor-progressText' });
    this._header = new Widget({
      node: element('div', { className: 'jp-ModelMonitor-profileHeader' })
    });
    this.addWidget(this._header);
    model.stateChanged.connect(this._render, this);
    this._render();
  }

  private _render(): void {
    const state = this.model.state;
    this.node.dataset.status = state.status;
    if (state.status === 'done') {
      this.node.dataset.engineContext = state.context;
    }
    if (state.status === 'running' && this._renderedStatus === 'running') {
      this._updateProgress(state.progress);
    } else {
      this._header.node.replaceChildren(...this._headerContent(state));
    }
    this._renderedStatus = state.status;
    if (state.status === 'done' && !this._statistics) {
      this._statistics = new StatisticsView(
        new StatisticsTableModel(state.statistics),
        this._settings,
        this._trans
      );
      this.addWidget(this._statistics);
    }
  }

  private _headerContent(state: BrowserProfileState): Node[] {
    const trans = this._trans;
    const title = element('h2', {
      className: 'jp-ModelMonitor-profileTitle',
      text: trans.__('Profile of %1', this.model.path)
    });
    switch (state.status) {
      case 'running':
        return [title, this._progressBar(state.progress)];
      case 'cancelled':
        return [title, this._status(trans.__('Cancelled.'))];
      case 'failed':
        return [
          title,
          this._status(trans.__('Profiling failed: %1', state.message), true),
          ...(state.diagnostics ? this._diagnostics(state.diagnostics) : [])
        ];
      case 'done':
        return [
          title,
          this._doneBar(
            state.context === 'worker'
              ? trans.__('Profiled in a Web Worker in your browser.')
              : trans.__('Profiled on the page (no Web Worker could start).')
          ),
          ...this._diagnostics(state.diagnostics)
        ];
    }
  }

  private _progressBar(progress: ProgressMessage | null): Node {
    const trans = this._trans;
    const cancel = element('button', {
      className: 'jp-ModelMonitor-action',
      text: trans.__('Cancel'),
      attributes: { type: 'button', 'data-action': 'cancel' }
    });
    cancel.addEventListener('click', () => this._actions.cancel());
    const node = element('div', { className: 'jp-ModelMonitor-progress' }, [
      this._bar,
      this._barText,
      cancel
    ]);
    this._updateProgress(progress);
    return node;
  }

  private _updateProgress(progress: ProgressMessage | null): void {
    const trans = this._trans;
    if (!progress) {
      this._bar.removeAttribute('value');
      this._barText.textContent = trans.__('Starting…');
      return;
    }
    this._bar.max = Math.max(1, progress.bytesTotal);
    this._bar.value = Math.min(progress.bytesRead, this._bar.max);
    this._barText.textContent =
      progress.phase === 'reading'
        ? trans.__(
            'Reading: %1 of %2 · %3 rows',
            formatBytes(progress.bytesRead),
            formatBytes(progress.bytesTotal),
            formatCount(progress.rows)
          )
        : trans.__('Computing statistics…');
  }

  private _doneBar(where: string): Node {
    const trans = this._trans;
    const status = element('span', { className: 'jp-ModelMonitor-saveStatus' });
    const save = element('button', {
      className: 'jp-ModelMonitor-action',
      text: trans.__('Save statistics.json and constraints.json'),
      attributes: { type: 'button', 'data-action': 'save' }
    });
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        status.textContent = await this._actions.save();
      } catch (error) {
        status.textContent = trans.__('Not saved: %1', messageOf(error));
      } finally {
        save.disabled = false;
      }
    });
    return element('div', { className: 'jp-ModelMonitor-profileActions' }, [
      element('span', { className: 'jp-ModelMonitor-engineContext', text: where }),
      save,
      status
    ]);
  }

  private _status(text: string, error = false): Node {
    return element('p', {
      className: error
        ? 'jp-ModelMonitor-profileStatus jp-ModelMonitor-error'
        : 'jp-ModelMonitor-profileStatus',
      text
    });
  }

  /** How many records were read and rejected, and the first bad ones with where they are. */
  private _diagnostics(diagnostics: RunDiagnostics): Node[] {
    const trans = this._trans;
    const summary = element('p', {
      className: 'jp-ModelMonitor-diagnosticsSummary',
      text: trans.__(
        '%1 records read, %2 could not be read (%3).',
        formatCount(diagnostics.records),
        formatCount(diagnostics.rejected),
        formatPercent(diagnostics.errorRate)
      )
    });
    if (diagnostics.examples.length === 0) {
      return [summary];
    }
    const openAt = this._actions.openAt;
    return [
      summary,
      diagnosticsSection(
        diagnostics.counts,
        diagnostics.examples,
        trans,
        openAt ? d => openAt(d.file ?? '', d.line) : undefined
      )
    ];
  }

  private _header: Widget;
  private _renderedStatus: BrowserProfileState['status'] | null = null;
  private _bar: HTMLProgressElement;
  private _barText: HTMLSpanElement;
  private _statistics: StatisticsView | null = null;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
