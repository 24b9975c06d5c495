import { Dialog, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { Backend, Monitor } from '../api/types';
import { formErrorsOf } from '../models/errorMessage';
import {
  ScheduleFormErrors,
  ScheduleFormValues,
  formFieldOf,
  validateScheduleForm
} from '../models/scheduleForm';
import { ScheduleForm } from '../widgets/ScheduleForm';

export interface ScheduleDialogOptions {
  title: string;
  /** The label of the button that saves. */
  accept: string;
  values: ScheduleFormValues;
  backends: Backend[];
  /** Sends the form's values to the server. */
  save: (values: ScheduleFormValues) => Promise<Monitor>;
}

/**
 * The schedule form in a dialog until the server takes it; null when the user cancels. A dialog
 * closes on its button, so when the browser's checks or the server's 400 find a problem the form
 * opens again with the user's values and the error next to its field.
 */
export async function askForSchedule(
  options: ScheduleDialogOptions,
  trans: TranslationBundle
): Promise<Monitor | null> {
  let values = options.values;
  let errors: ScheduleFormErrors = {};
  for (;;) {
    const answer = await showDialog({
      title: options.title,
      body: new ScheduleForm(values, errors, options.backends, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: options.accept })
      ],
      focusNodeSelector: Object.keys(errors).length ? '[aria-invalid="true"]' : 'input[name="name"]'
    });
    if (!answer.button.accept || !answer.value) {
      return null;
    }
    values = answer.value;
    errors = validateScheduleForm(values, trans);
    if (Object.keys(errors).length === 0) {
      try {
        return await options.save(values);
      } catch (error) {
        errors = formErrorsOf(error, formFieldOf);
      }
    }
  }
}
