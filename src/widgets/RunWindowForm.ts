import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { WindowFields } from '../models/runWindow';
import { element } from './dom';

/**
 * The "Run Monitor Over…" dialog's body: the UTC start and end of the window, prefilled with the
 * hours the monitor's captures cover (the caller fills them in when the summary arrives).
 */
export class RunWindowForm extends Widget {
  constructor(trans: TranslationBundle, note: string) {
    super({
      node: element('form', { className: 'jp-ModelMonitor-scheduleForm jp-ModelMonitor-runWindow' })
    });
    this._start = this._field('start', trans.__('Start (UTC)'));
    this._end = this._field('end', trans.__('End (UTC, not included)'));
    this._note = element('p', { className: 'jp-ModelMonitor-lead', text: note });
    this.node.append(this._note);
    this.node.addEventListener('submit', event => event.preventDefault());
  }

  getValue(): WindowFields {
    return { start: this._start.value, end: this._end.value };
  }

  /** Fills the fields the user has not changed, and says where the values come from. */
  suggest(fields: WindowFields, note: string): void {
    for (const [input, value] of [
      [this._start, fields.start],
      [this._end, fields.end]
    ] as const) {
      if (!input.dataset.edited) {
        input.value = value;
      }
    }
    this._note.textContent = note;
  }

  private _field(name: string, label: string): HTMLInputElement {
    const id = `jp-ModelMonitor-runWindow-${name}`;
    const input = element('input', { attributes: { type: 'datetime-local', name, id } });
    input.addEventListener('input', () => (input.dataset.edited = 'true'));
    this.node.append(
      element('div', { className: 'jp-ModelMonitor-formRow' }, [
        element('label', { text: label, attributes: { for: id } }),
        input
      ])
    );
    return input;
  }

  private readonly _start: HTMLInputElement;
  private readonly _end: HTMLInputElement;
  private readonly _note: HTMLElement;
}
