import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';
import type { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { ResultFilesModel } from '../models/resultFiles';
import { element } from './dom';
import { modelMonitorIcon } from './icons';

export const SIDE_PANEL_ID = 'jp-ModelMonitor-sidePanel';

/**
 * The left side panel. For now an empty state that tells a new user where to start, plus the
 * result files found near the top of the server's root.
 */
export class SidePanel extends Widget {
  constructor(
    private readonly _results: ResultFilesModel,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.id = SIDE_PANEL_ID;
    this.addClass('jp-ModelMonitor-sidePanel');
    this.title.icon = modelMonitorIcon;
    this.title.caption = _trans.__('Model Monitor');
    this.node.append(this._emptyState(), this._resultsSection);
    _results.changed.connect(this._renderResultFiles, this);
    this._renderResultFiles();
  }

  /** Emitted when the user asks to open a file. */
  get openRequested(): ISignal<this, string> {
    return this._openRequested;
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
    void this._results.refresh();
  }

  private _emptyState(): HTMLElement {
    const trans = this._trans;
    const step = (title: string, text: string, extra: Node[] = []) =>
      element('li', {}, [element('strong', { text: title }), element('p', { text }), ...extra]);
    return element('div', { className: 'jp-ModelMonitor-emptyState' }, [
      element('h2', { text: trans.__('Model Monitor') }),
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
            commandLine('model-monitor baseline --dataset train.csv --output baseline'),
            element('p', {
              className: 'jp-ModelMonitor-lead',
              text: trans.__('model-monitor --help lists every command and option.')
            })
          ]
        )
      ])
    ]);
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

  private _resultsSection = element('section', { className: 'jp-ModelMonitor-resultFiles' });
  private _shown = false;
  private _openRequested = new Signal<this, string>(this);
  private _firstShown = new Signal<this, void>(this);
}

/** A shell command whose words never break inside (e.g. after the hyphens of `--output`). */
function commandLine(command: string): HTMLElement {
  const words = command.split(' ').map(word => element('span', { text: word }));
  const code = element('code', { className: 'jp-ModelMonitor-code' });
  words.forEach((word, i) => code.append(...(i > 0 ? [' ', word] : [word])));
  return code;
}
