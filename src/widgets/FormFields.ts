import { element } from './dom';

export type FieldInput = HTMLInputElement | HTMLSelectElement;

export interface FormFieldsOptions {
  /** Number inputs take any number: the browser's step of 1 would refuse 0.5 with no message. */
  anyNumber?: boolean;
}

/**
 * The labelled inputs of a dialog form, each with a line for its error, found again by field
 * name. `idPrefix` keeps the ids of different forms apart.
 */
export class FormFields<F extends string> {
  constructor(
    private readonly _idPrefix: string,
    private readonly _options: FormFieldsOptions = {}
  ) {}

  input(field: F): FieldInput {
    return this._inputs.get(field)!;
  }

  textField(
    field: F,
    label: string,
    value: string,
    placeholder: string,
    help?: string,
    type = 'text'
  ): HTMLElement {
    const input = element('input', {
      attributes: { type, name: field, placeholder, id: this._idOf(field) }
    });
    if (type === 'number' && this._options.anyNumber) {
      input.step = 'any';
    }
    input.value = value;
    return this._row(field, label, input, help);
  }

  selectField(field: F, label: string, value: string, options: [string, string][]): HTMLElement {
    const select = element('select', { attributes: { name: field, id: this._idOf(field) } });
    for (const [optionValue, text] of options) {
      select.append(element('option', { text, attributes: { value: optionValue } }));
    }
    select.value = value;
    return this._row(field, label, select);
  }

  /** A checkbox inside its label; its error line, if any, is the caller's to place. */
  checkbox(field: F, label: string, checked: boolean): HTMLElement {
    const input = element('input', { attributes: { type: 'checkbox', name: field } });
    input.checked = checked;
    this._inputs.set(field, input);
    return element('label', { className: 'jp-ModelMonitor-checkboxRow' }, [
      input,
      document.createTextNode(label)
    ]);
  }

  errorLine(field: F | 'form'): HTMLElement {
    const line = element('div', {
      className: 'jp-ModelMonitor-fieldError',
      attributes: { role: 'alert', 'data-error-for': field }
    });
    line.hidden = true;
    this._errorLines.set(field, line);
    return line;
  }

  /** Shows `message` under the field, or clears it when undefined. */
  setError(field: F | 'form', message: string | undefined): void {
    const line = this._errorLines.get(field);
    if (!line) {
      return;
    }
    line.textContent = message ?? '';
    line.hidden = !message;
    const input = field === 'form' ? undefined : this._inputs.get(field as F);
    if (message) {
      input?.setAttribute('aria-invalid', 'true');
    } else {
      input?.removeAttribute('aria-invalid');
    }
  }

  private _row(field: F, label: string, input: FieldInput, help?: string): HTMLElement {
    this._inputs.set(field, input);
    const children: Node[] = [
      element('label', { text: label, attributes: { for: this._idOf(field) } }),
      input,
      this.errorLine(field)
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

  private _idOf(field: string): string {
    return `${this._idPrefix}-${field}`;
  }

  private _inputs = new Map<F, FieldInput>();
  private _errorLines = new Map<F | 'form', HTMLElement>();
}

/** Two short fields side by side. */
export function pair(first: HTMLElement, second: HTMLElement): HTMLElement {
  return element('div', { className: 'jp-ModelMonitor-formPair' }, [first, second]);
}

/** The dialog scrolls: brings the first error into view when a form opens again. */
export function scrollToFirstError(form: HTMLElement): void {
  const firstError = form.querySelector('.jp-ModelMonitor-fieldError:not([hidden])');
  requestAnimationFrame(() => firstError?.scrollIntoView({ block: 'nearest' }));
}
