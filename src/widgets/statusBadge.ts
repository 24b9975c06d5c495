import { TranslationBundle } from '@jupyterlab/translation';

import { RunStatus } from '../models/monitorStatus';
import { element } from './dom';

export function statusLabel(status: RunStatus, trans: TranslationBundle): string {
  switch (status) {
    case 'never':
      return trans.__('Not run yet');
    case 'running':
      return trans.__('Running');
    case 'ok':
      return trans.__('OK');
    case 'violations':
      return trans.__('Violations');
    case 'failed':
      return trans.__('Failed');
    default:
      return trans.__('Cancelled');
  }
}

/** A coloured pill; `data-status` lets tests and styles tell the states apart. */
export function statusBadge(status: RunStatus, trans: TranslationBundle, text?: string) {
  return element('span', {
    className: `jp-ModelMonitor-badge jp-ModelMonitor-badge-${status}`,
    text: text ?? statusLabel(status, trans),
    attributes: { 'data-status': status }
  });
}
