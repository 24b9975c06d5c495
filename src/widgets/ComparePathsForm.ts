import { Dialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ComparisonPaths } from '../models/loadComparison';
import { element } from './dom';

/** Which field's Browse… button closed the dialog. */
export type BrowseField = 'baseline' | 'current';

/**
 * The compare dialog's body: which statistics file is the baseline and which the current one,
 * typed, or picked with Lab's file dialog (`browsable`). Lab shows one dialog at a time, so
 * Browse… closes this one, noting the field in `browseRequest`; the caller opens the file dialog
 * and then asks again with the file filled in.
 */
export class ComparePathsForm extends Widget {
  browseRequest: BrowseField | null = null;

  constructor(
    paths: Partial<ComparisonPaths>,
    private readonly _trans: TranslationBundle,
    error?: string,
    private readonly _browsable = false
  ) {
    super({
      node: element('form', {
        className: 'jp-ModelMonitor-scheduleForm jp-ModelMonitor-compareForm'
      })
    });
    this._baseline = this._field('baseline', _trans.__('Baseline statistics'), paths.baseline);
    this._current = this._field('current', _trans.__('Current statistics'), paths.current);
    const swap = element('button', {
      className: 'jp-ModelMonitor-action',
      text: _trans.__('Swap'),
      attributes: { type: 'button' }
    });
    swap.addEventListener('click', () => {
      [this._baseline.value, this._current.value] = [this._current.value, this._baseline.value];
    });
    this.node.append(swap);
    if (error) {
      this.node.append(
        element('p', {
          className: 'jp-ModelMonitor-fieldError',
          text: error,
          attributes: { role: 'alert' }
        })
      );
    }
    this.node.addEventListener('submit', event => event.preventDefault());
  }

  getValue(): ComparisonPaths {
    return { baseline: this._baseline.value.trim(), current: this._current.value.trim() };
  }

  private _field(name: BrowseField, label: string, value = ''): HTMLInputElement {
    const id = `jp-ModelMonitor-compare-${name}`;
    const input = element('input', {
      attributes: { type: 'text', name, id, placeholder: `${name}/statistics.json` }
    });
    input.value = value;
    const caption = element('label', { text: label, attributes: { for: id } });
    if (!this._browsable) {
      this.node.append(element('div', { className: 'jp-ModelMonitor-formRow' }, [caption, input]));
      return input;
    }
    const browse = element('button', {
      className: 'jp-ModelMonitor-action',
      text: this._trans.__('Browse…'),
      attributes: {
        type: 'button',
        'data-browse': name,
        'aria-label': this._trans.__('Browse for the %1', label.toLowerCase())
      }
    });
    browse.addEventListener('click', () => {
      this.browseRequest = name;
      this._enclosingDialog()?.resolve(0);
    });
    const row = element('div', { className: 'jp-ModelMonitor-formRow' }, [
      caption,
      element('div', { className: 'jp-ModelMonitor-pathField' }, [input, browse])
    ]);
    this.node.append(row);
    return input;
  }

  private _enclosingDialog(): Dialog<unknown> | null {
    let widget = this.parent;
    while (widget && !(widget instanceof Dialog)) {
      widget = widget.parent;
    }
    return widget;
  }

  private _baseline: HTMLInputElement;
  private _current: HTMLInputElement;
}
