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
    const firstError = this.node.querySelector('.jp-ModelMonitor-fieldError:not([hidden])');
    requestAnimationFrame(() => firstError?.scrollIntoView({ block: 'nearest' }));
  }

  private _build(values: BaselineFormValues): void {
    const trans = this._trans;
    const formatNames: Record<FormatChoice, string> = {
      auto: trans.__('Detect from the files'),
      csv: trans.__('CSV'),
      jsonlines: trans.__('JSON lines'),
      capture: trans.__('SageMaker data capture (JSON lines)'),
      arrow: trans.__('Arrow IPC')
    };
    this.node.append(
      this._errorLine('form'),
      this._textField(
        'dataset',
        trans.__('Data set'),
        values.dataset,
        'data/training.csv',
        trans.__('A file or a folder of files, relative to the Jupyter root.')
      ),
      this._selectField(
        'format',
        trans.__('Format'),
        values.format,
        FORMAT_CHOICES.map(choice => [choice, formatNames[choice]])
      ),
      this._checkbox('header', trans.__('CSV files start with a header row'), values.header),
      this._textField(
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

  /** Segments: open when set, or when the server refused them. */
  private _segmentFields(values: BaselineFormValues): HTMLElement {
    const trans = this._trans;
    const details = element('details', { className: 'jp-ModelMonitor-segmentFields' }, [
      element('summary', { text: trans.__('Segments (optional)') }),
      this._textField(
        'segmentBy',
        trans.__('Segment by column'),
        values.segmentBy,
        'region',
        trans.__(
          'Also a baseline for each value of this column (or eventMetadata.<key> of captures), which segmented monitors compare their segments with.'
        )
      ),
      this._textField(
        'maxSegments',
        trans.__('Most segments'),
        String(values.maxSegments),
        '20',
        trans.__('The first values seen get a segment each; later ones share "other".'),
        'number'
      )
    ]);
    details.open = Boolean(values.segmentBy);
    this._segmentDetails = details;
    return details;
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
      const line = this._errorLines.get(field as BaselineFormField | 'form');
      if (line && message) {
        line.textContent = message;
        line.hidden = false;
        this._inputs.get(field as BaselineFormField)?.setAttribute('aria-invalid', 'true');
      }
    }
  }

  private _input(field: BaselineFormField): HTMLInputElement {
    return this._inputs.get(field) as HTMLInputElement;
  }

  private _textField(
    field: BaselineFormField,
    label: string,
    value: string,
    placeholder: string,
    help: string,
    type = 'text'
  ): HTMLElement {
    const input = element('input', {
      attributes: { type, name: field, placeholder, id: this._idOf(field) }
    });
    input.value = value;
    return this._row(field, label, input, help);
  }

  private _selectField(
    field: BaselineFormField,
    label: string,
    value: string,
    options: [string, string][]
  ): HTMLElement {
    const select = element('select', { attributes: { name: field, id: this._idOf(field) } });
    for (const [optionValue, text] of options) {
      select.append(element('option', { text, attributes: { value: optionValue } }));
    }
    select.value = value;
    return this._row(field, label, select);
  }

  private _checkbox(field: BaselineFormField, label: string, checked: boolean): HTMLElement {
    const input = element('input', { attributes: { type: 'checkbox', name: field } });
    input.checked = checked;
    this._inputs.set(field, input);
    return element('div', {}, [
      element('label', { className: 'jp-ModelMonitor-checkboxRow' }, [
        input,
        document.createTextNode(label)
      ]),
      this._errorLine(field)
    ]);
  }

  private _row(
    field: BaselineFormField,
    label: string,
    input: HTMLInputElement | HTMLSelectElement,
    help?: string
  ): HTMLElement {
    this._inputs.set(field, input);
    const children: Node[] = [
      element('label', { text: label, attributes: { for: this._idOf(field) } }),
      input,
      this._errorLine(field)
    ];
    if (help) {
      const helpId = `${this._idOf(field)}-help`;
      input.setAttribute('aria-describedby', helpId);
      children.push(
        element('span', {
          className: 'jp-ModelMonitor-help',
          text: help,
          attributes: { id: helpId }
        })
      );
    }
    return element(
      'div',
      { className: 'jp-ModelMonitor-formRow', attributes: { 'data-field': field } },
      children
    );
  }

  private _errorLine(field: BaselineFormField | 'form'): HTMLElement {
    const line = element('div', {
      className: 'jp-ModelMonitor-fieldError',
      attributes: { role: 'alert', 'data-error-for': field }
    });
    line.hidden = true;
    this._errorLines.set(field, line);
    return line;
  }

  private _idOf(field: string): string {
    return `jp-ModelMonitor-baseline-${field}`;
  }

  private _inputs = new Map<BaselineFormField, HTMLInputElement | HTMLSelectElement>();
  private _errorLines = new Map<BaselineFormField | 'form', HTMLElement>();
  private _outputFollowsDataset: boolean;
  private _segmentDetails: HTMLDetailsElement | null = null;
}
