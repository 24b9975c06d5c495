import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ComparisonPaths } from '../models/loadComparison';
import { element } from './dom';

/** The compare dialog's body: which statistics file is the baseline and which the current one. */
export class ComparePathsForm extends Widget {
  constructor(paths: Partial<ComparisonPaths>, trans: TranslationBundle, error?: string) {
    super({
      node: element('form', {
        className: 'jp-ModelMonitor-scheduleForm jp-ModelMonitor-compareForm'
      })
    });
    this._baseline = this._field('baseline', trans.__('Baseline statistics'), paths.baseline);
    this._current = this._field('current', trans.__('Current statistics'), paths.current);
    const swap = element('button', {
      className: 'jp-ModelMonitor-action',
      text: trans.__('Swap'),
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

  private _field(name: string, label: string, value = ''): HTMLInputElement {
    const id = `jp-ModelMonitor-compare-${name}`;
    const input = element('input', {
      attributes: { type: 'text', name, id, placeholder: `${name}/statistics.json` }
    });
    input.value = value;
    this.node.append(
      element('div', { className: 'jp-ModelMonitor-formRow' }, [
        element('label', { text: label, attributes: { for: id } }),
        input
      ])
    );
    return input;
  }

  private _baseline: HTMLInputElement;
  private _current: HTMLInputElement;
}
