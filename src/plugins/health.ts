import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { fetchHealth } from '../api/health';
import { FRONTEND_VERSION } from '../api/version';
import { HealthCheck, HealthOutcome } from '../models/HealthCheck';
import { IServerHealth } from '../tokens';
import { healthProblemText, showHealthProblem } from '../widgets/healthDialog';

/** Provides IServerHealth. Activation does not call the server: the first `ensure()` does. */
export const healthPlugin: JupyterFrontEndPlugin<IServerHealth> = {
  id: 'jupyterlab-model-monitor:health',
  description: 'Checks that the Model Monitor server extension is present and of the same version.',
  autoStart: true,
  provides: IServerHealth,
  optional: [ITranslator],
  activate: (_app, translator: ITranslator | null): IServerHealth => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_model_monitor');
    const check = new HealthCheck(fetchHealth, FRONTEND_VERSION);
    let reported = false;
    return {
      ensure: async (): Promise<HealthOutcome> => {
        const outcome = await check.check();
        const problem = healthProblemText(outcome, trans);
        if (problem && !reported) {
          reported = true;
          console.warn('Model Monitor:', problem);
          await showHealthProblem(problem, trans);
        }
        return outcome;
      }
    };
  }
};
