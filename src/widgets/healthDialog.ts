import { Dialog, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { HealthOutcome } from '../models/HealthCheck';
import { element } from './dom';

/** The dialog text for a failed health check, or null when all is well. */
export function healthProblemText(outcome: HealthOutcome, trans: TranslationBundle): string | null {
  switch (outcome.kind) {
    case 'server-missing':
      return trans.__(
        'The Model Monitor server extension is not running, so monitors and schedules are unavailable (result files still open). Install the Python package in the environment that runs JupyterLab, then restart it:\n\npip install jupyterlab-model-monitor\njupyter server extension enable jupyterlab_model_monitor'
      );
    case 'version-mismatch':
      return trans.__(
        'The Model Monitor server extension is version %1 but the JupyterLab extension is version %2. Reinstall one package so that both match, then restart JupyterLab.',
        outcome.serverVersion || '?',
        outcome.frontendVersion
      );
    case 'error':
      return trans.__('The Model Monitor server answered with an error: %1', outcome.detail);
    default:
      return null;
  }
}

export async function showHealthProblem(text: string, trans: TranslationBundle): Promise<void> {
  await showDialog({
    title: trans.__('Model Monitor server problem'),
    body: new Widget({ node: element('div', { className: 'jp-ModelMonitor-dialogBody', text }) }),
    buttons: [Dialog.okButton({ label: trans.__('OK') })]
  });
}
