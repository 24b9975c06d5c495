import { TranslationBundle } from '@jupyterlab/translation';
import type { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import {
  BaselineFormErrors,
  BaselineFormField,
  BaselineFormValues,
  FORMAT_CHOICES,
  FormatChoice,
  defaultOutput,
  formatOfPath
} from '../models/baselineForm';
import { element } from './dom';
import { FormFields, scrollToFirstError } from './FormFields';
import { segmentFields } from './segmentFields';

/**
 * The body of the build-baseline dialog. While the user has not typed an output folder, it
 * follows the data set (`<dataset>-baseline`), and so does the format.
 */
export class BuildBaselineForm extends Widget {
  constructor(
    values: BaselineFormValues,
    errors: BaselineFormErrors,
    private readonly _trans: TranslationBundle
  ) {
    super({
      node: element('form', {
        className: 'jp-ModelMonitor-scheduleForm jp-ModelMonitor-baselineForm'
      })
    });
    this._outputFollowsDataset = values.output === defaultOutput(values.dataset);
    this._build(values);
    this._showErrors(errors);
    this.node.addEventListener('submit', event => event.preventDefault());
  }

  getValue(): BaselineFormValues {
    return {
      dataset: this._input('dataset').value.trim(),
      format: this._input('format').value as FormatChoice,
      header: this._input('header').checked,
      output: this._input('output').value.trim(),
      overwrite: this._input('overwrite').checked,
      segmentBy: this._input('segmentBy').value.trim(),
      maxSegments: Number(this._input('maxSegments').value)
    };
  }

  protected onAfterAttach(msg: Message): void {
    scrollToFirstError(this.node);
  }

  private _build(values: BaselineFormValues): void {
    const trans = this._trans;
    const fields = this._fields;
    const formatNames: Record<FormatChoice, string> = {
      auto: trans.__('Detect from the files'),
      csv: trans.__('CSV'),
      jsonlines: trans.__('JSON lines'),
      capture: trans.__('SageMaker data capture (JSON lines)'),
      arrow: trans.__('Arrow IPC')
    };
    this.node.append(
      fields.errorLine('form'),
      fields.textField(
        'dataset',
        trans.__('Data set'),
        values.dataset,
        'data/training.csv',
        trans.__('A file or a folder of files, relative to the Jupyter root.')
      ),
      fields.selectField(
        'format',
        trans.__('Format'),
        values.format,
        FORMAT_CHOICES.map(choice => [choice, formatNames[choice]])
      ),
      this._checkbox('header', trans.__('CSV files start with a header row'), values.header),
      fields.textField(
        'output',
        trans.__('Output folder'),
        values.output,
        'data/training-baseline',
        trans.__('statistics.json and constraints.json are written here.')
      ),
      this._checkbox(
        'overwrite',
        trans.__('Replace a baseline already in the output folder'),
        values.overwrite
      ),
      this._segmentFields(values)
    );
    this._input('dataset').addEventListener('input', () => this._followDataset());
    this._input('output').addEventListener('input', () => {
      this._outputFollowsDataset = false;
    });
  }

  private _segmentFields(values: BaselineFormValues): HTMLElement {
    this._segmentDetails = segmentFields(
      this._fields,
      values,
      this._trans.__(
        'Also a baseline for each value of this column (or eventMetadata.<key> of captures), which segmented monitors compare their segments with.'
      ),
      this._trans
    );
    return this._segmentDetails;
  }

  /** Here a checkbox has an error line of its own. */
  private _checkbox(field: BaselineFormField, label: string, checked: boolean): HTMLElement {
    return element('div', {}, [
      this._fields.checkbox(field, label, checked),
      this._fields.errorLine(field)
    ]);
  }

  private _followDataset(): void {
    const dataset = this._input('dataset').value.trim();
    if (this._outputFollowsDataset) {
      this._input('output').value = defaultOutput(dataset);
    }
    this._input('format').value = formatOfPath(dataset);
  }

  private _showErrors(errors: BaselineFormErrors): void {
    if (errors.segmentBy || errors.maxSegments) {
      this._segmentDetails!.open = true;
    }
    for (const [field, message] of Object.entries(errors)) {
      if (message) {
        this._fields.setError(field as BaselineFormField | 'form', message);
      }
    }
  }

  private _input(field: BaselineFormField): HTMLInputElement {
    return this._fields.input(field) as HTMLInputElement;
  }

  private _fields = new FormFields<BaselineFormField>('jp-ModelMonitor-baseline');
  private _outputFollowsDataset: boolean;
  private _segmentDetails: HTMLDetailsElement | null = null;
}
