import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { BaselineJob } from '../api/baselines';
import { ModelMonitorApiError } from '../api/errors';
import {
  BaselineFormErrors,
  BaselineFormValues,
  formFieldOf,
  initialBaselineForm,
  toBaselineRequest,
  validateBaselineForm
} from '../models/baselineForm';
import { percentOf } from '../models/baselineJob';
import { BaselineJobsModel } from '../models/BaselineJobsModel';
import { describeDiagnostic } from '../models/captureSummary';
import { BuildBaselineForm } from '../widgets/BuildBaselineForm';
import { diagnosticsSection } from '../widgets/diagnosticsTable';
import { element } from '../widgets/dom';
import { toastError } from './toasts';
import { CONSTRAINTS_FILE, STATISTICS_FILE } from '../engine/documents/fileNames';
import { formErrorsOf, refusedFieldOf } from '../models/errorMessage';

/** The files a baseline job writes, opened in this order when it completes. */
const BASELINE_FILES = [STATISTICS_FILE, CONSTRAINTS_FILE];

/**
 * Asks for a data set and options, starts a baseline job on the server and follows it in a
 * notification (percent read, Cancel). On success statistics.json and constraints.json open;
 * rejected records and failures offer their file/line diagnostics.
 */
export async function buildBaseline(
  app: JupyterFrontEnd,
  jobs: BaselineJobsModel,
  dataset: string,
  trans: TranslationBundle
): Promise<BaselineJob | null> {
  const started = await askAndStart(jobs, initialBaselineForm(dataset), trans);
  if (!started) {
    return null;
  }
  const ended = await follow(jobs, started, trans);
  if (ended) {
    await announce(app, ended, trans);
  }
  return ended;
}

/** The form, again with the user's values and the error next to its field until the job starts. */
async function askAndStart(
  jobs: BaselineJobsModel,
  initial: BaselineFormValues,
  trans: TranslationBundle
): Promise<BaselineJob | null> {
  let values = initial;
  let errors: BaselineFormErrors = {};
  for (;;) {
    const answer = await showDialog({
      title: trans.__('Build a baseline'),
      body: new BuildBaselineForm(values, errors, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Build') })
      ],
      focusNodeSelector: Object.keys(errors).length
        ? '[aria-invalid="true"]'
        : 'input[name="dataset"]'
    });
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    errors = validateBaselineForm(values, trans);
    if (Object.keys(errors).length === 0) {
      try {
        return await jobs.start(toBaselineRequest(values));
      } catch (error) {
        errors = requestErrors(error, values, trans);
      }
    }
  }
}

function requestErrors(
  error: unknown,
  values: BaselineFormValues,
  trans: TranslationBundle
): BaselineFormErrors {
  const taken = error instanceof ModelMonitorApiError && error.status === 409;
  if (taken && refusedFieldOf(error) === 'output' && !values.overwrite) {
    // The server's message speaks of its `overwrite` field; the form has a checkbox for it.
    return {
      output: trans.__(
        '%1 already holds a baseline (or one is being built there): choose another folder, or tick "Replace a baseline already in the output folder".',
        values.output
      )
    };
  }
  return formErrorsOf(error, formFieldOf);
}

/** Follows the job in an in-progress notification whose Cancel action cancels it on the server. */
async function follow(
  jobs: BaselineJobsModel,
  job: BaselineJob,
  trans: TranslationBundle
): Promise<BaselineJob | null> {
  const name = PathExt.basename(job.dataset) || job.dataset;
  let cancelling = false;
  const cancel: Notification.IAction = {
    label: trans.__('Cancel'),
    caption: trans.__('Stop the job; nothing is written'),
    callback: event => {
      event.preventDefault(); // keep the toast: it shows "Cancelling…" until the job ends
      if (!cancelling) {
        cancelling = true;
        Notification.update({ id, message: progressText(job), type: 'in-progress', actions: [] });
        jobs.cancel(job.id).catch(error => console.warn('Model Monitor: cancel failed', error));
      }
    }
  };
  const progressText = (current: BaselineJob) =>
    cancelling
      ? trans.__('Cancelling the baseline of %1…', name)
      : trans.__('Baseline of %1: %2%', name, percentOf(current));
  const id = Notification.emit(progressText(job), 'in-progress', {
    autoClose: false,
    progress: 0,
    actions: [cancel]
  });
  try {
    const ended = await jobs.follow(job, current =>
      Notification.update({
        id,
        message: progressText(current),
        type: 'in-progress',
        progress: current.progress,
        autoClose: false,
        actions: cancelling ? [] : [cancel]
      })
    );
    Notification.dismiss(id);
    return ended;
  } catch (error) {
    Notification.update({
      id,
      message: trans.__('Lost track of the baseline of %1: %2', name, String(error)),
      type: 'error',
      autoClose: false,
      actions: []
    });
    return null;
  }
}

async function announce(app: JupyterFrontEnd, job: BaselineJob, trans: TranslationBundle) {
  const name = PathExt.basename(job.dataset) || job.dataset;
  const problems = problemsAction(job, trans);
  switch (job.state) {
    case 'completed': {
      // The job may end while the user is in another form: its files then open behind it, and the
      // focus stays in the form.
      const options = Dialog.tracker.size > 0 ? { activate: false } : undefined;
      for (const file of BASELINE_FILES) {
        const path = PathExt.join(job.output, file);
        await app.commands.execute('docmanager:open', { path, options });
      }
      const rejected = job.diagnostics?.rejected ?? 0;
      Notification.emit(
        trans.__('Baseline written to %1: %2', job.output, job.message ?? ''),
        rejected > 0 ? 'warning' : 'success',
        { autoClose: rejected > 0 ? false : 5000, actions: problems ? [problems] : [] }
      );
      return;
    }
    case 'cancelled':
      Notification.info(trans.__('Baseline of %1 cancelled: nothing was written.', name), {
        autoClose: 5000
      });
      return;
    default:
      toastError(
        `baseline:${job.dataset}`,
        trans.__('Baseline of %1 failed: %2', name, failureText(job)),
        problems ? [problems] : []
      );
  }
}

/** The first problem's file and line lead: the toast shows only ~140 characters. */
function failureText(job: BaselineJob): string {
  const first = job.diagnostics?.examples[0];
  if (!first) {
    return job.message ?? job.state;
  }
  return describeDiagnostic({ ...first, file: first.file && PathExt.basename(first.file) });
}

function problemsAction(job: BaselineJob, trans: TranslationBundle): Notification.IAction | null {
  const diagnostics = job.diagnostics;
  if (job.state !== 'failed' && !diagnostics?.examples.length) {
    return null;
  }
  return {
    label: trans.__('Show problems'),
    callback: () => {
      const body = element('div', { className: 'jp-ModelMonitor-baselineProblems' }, [
        element('p', { className: 'jp-ModelMonitor-message', text: job.message ?? job.state })
      ]);
      if (diagnostics) {
        body.append(diagnosticsSection(diagnostics.counts, diagnostics.examples, trans));
      }
      void showDialog({
        title: trans.__('Baseline of %1', job.dataset),
        body: new Widget({ node: body }),
        buttons: [Dialog.okButton({ label: trans.__('Close') })]
      });
    }
  };
}
