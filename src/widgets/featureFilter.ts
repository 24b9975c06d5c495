import { TranslationBundle } from '@jupyterlab/translation';

import { element } from './dom';

/** The "Filter features" box of the statistics and comparison views; `onInput` gets its text. */
export function featureFilter(
  trans: TranslationBundle,
  onInput: (text: string) => void
): HTMLInputElement {
  const search = element('input', {
    className: 'jp-ModelMonitor-search jp-mod-styled',
    attributes: {
      type: 'search',
      placeholder: trans.__('Filter features'),
      'aria-label': trans.__('Filter features')
    }
  });
  search.addEventListener('input', () => onInput(search.value));
  return search;
}
