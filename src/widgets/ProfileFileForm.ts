import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { element } from './dom';

export interface ProfileFileChoice {
  path: string;
  header: boolean;
}

/** The "Profile in Browser" dialog's body: which file, and whether a CSV starts with a header. */
export class ProfileFileForm extends Widget {
  constructor(initial: ProfileFileChoice, trans: TranslationBundle) {
    super({ node: element('form', { className: 'jp-ModelMonitor-scheduleForm' }) });
    this._path = element('input', {
      attributes: {
        type: 'text',
        name: 'path',
        id: 'jp-ModelMonitor-profile-path',
        placeholder: 'data/training.csv'
      }
    });
    this._path.value = initial.path;
    this._header = element('input', {
      attributes: { type: 'checkbox', name: 'header', id: 'jp-ModelMonitor-profile-header' }
    });
    this._header.checked = initial.header;
    this.node.append(
      element('div', { className: 'jp-ModelMonitor-formRow' }, [
        element('label', {
          text: trans.__('Data file (CSV, JSON lines, Arrow) or folder of captures'),
          attributes: { for: this._path.id }
        }),
        this._path
      ]),
      element('div', { className: 'jp-ModelMonitor-formRow' }, [
        element('label', {}, [
          this._header,
          document.createTextNode(' ' + trans.__('CSV: the first row is a header'))
        ])
      ])
    );
    this.node.addEventListener('submit', event => event.preventDefault());
  }

  getValue(): ProfileFileChoice {
    return { path: this._path.value.trim(), header: this._header.checked };
  }

  private _path: HTMLInputElement;
  private _header: HTMLInputElement;
}
