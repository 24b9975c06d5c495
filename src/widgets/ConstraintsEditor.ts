import { DocumentRegistry } from '@jupyterlab/docregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { Styling } from '@jupyterlab/ui-components';
import { ISignal, Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';

import {
  addDomainValue,
  applyDriftDefaults,
  Checked,
  checkDomainValue,
  checkGlobalInput,
  issueFieldLabel,
  checkThreshold,
  ConstraintsDraft,
  draftIssues,
  draftText,
  featureViews,
  FeatureView,
  Flag,
  FLAGS,
  GLOBAL_FIELDS,
  GlobalField,
  GlobalFieldSpec,
  globalValue,
  INFERRED_TYPES,
  isDataQualityConstraints,
  OVERRIDE_KEYS,
  OverrideKey,
  parseConstraintsDraft,
  removeDomainValue,
  setCompleteness,
  setGlobal,
  setInferredType,
  setNonNegative,
  setOverride,
  visibleGlobalFields
} from '../models/constraintsDocument';
import { formatJavaDouble } from '../engine/format';
import { ViewerSettings } from '../models/ViewerSettings';
import { element } from './dom';

/** The subset of the shared text model the editor uses; YFile's undo manager lives beside it. */
interface SharedText {
  getSource(): string;
  updateSource(start: number, end: number, value?: string): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  undoManager?: {
    stopCapturing(): void;
    on(event: string, listener: () => void): void;
    off(event: string, listener: () => void): void;
  } | null;
}

/**
 * A form over constraints.json. Every accepted edit rewrites the document's text model (so Lab's
 * dirty state, save, revert and the shared undo history apply), and the form is rebuilt from the
 * text whenever it changes, whoever changed it. Refused input shows a message by its field.
 */
export class ConstraintsEditor extends Widget {
  constructor(
    private readonly _context: DocumentRegistry.Context,
    private readonly _trans: TranslationBundle,
    private readonly _settings: ViewerSettings = new ViewerSettings()
  ) {
    super();
    this.addClass('jp-ModelMonitor-constraintsEditor');
    this.node.addEventListener('keydown', this._onKeyDown);
    void _context.ready.then(() => {
      if (!this.isDisposed) {
        _context.model.contentChanged.connect(this._render, this);
        for (const event of UNDO_STACK_EVENTS) {
          this._shared.undoManager?.on(event, this._updateUndoButtons);
        }
        this._markHistoryReady();
        this._render();
      }
    });
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    for (const event of UNDO_STACK_EVENTS) {
      this._shared.undoManager?.off(event, this._updateUndoButtons);
    }
    super.dispose();
  }

  /** The draft the form shows; null until the file is loaded or while its text does not parse. */
  get draft(): ConstraintsDraft | null {
    return this._draft;
  }

  /**
   * Undoes the last edit. Refused input (a field showing its message) was never an edit: the
   * first Undo puts such fields back to the file's values instead of undoing a saved edit.
   */
  undo(): void {
    if (this._errors.size > 0) {
      this._errors.clear();
      this._renderedText = null;
      this._render();
      return;
    }
    this._shared.undo();
  }

  redo(): void {
    this._shared.redo();
  }

  /** Emitted when the user asks to replay the constraints as edited over past runs. */
  get whatIfRequested(): ISignal<this, { path: string; text: string }> {
    return this._whatIfRequested;
  }

  private get _shared(): SharedText {
    return this._context.model.sharedModel as unknown as SharedText;
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) {
      return;
    }
    const key = event.key.toLowerCase();
    const target = event.target as HTMLInputElement;
    if (target.type === 'text' && target.value !== target.defaultValue) {
      return; // Uncommitted typing: the browser's own undo applies to it.
    }
    if (key === 'z' || key === 'y') {
      event.preventDefault();
      event.stopPropagation();
      if (key === 'y' || event.shiftKey) {
        this.redo();
      } else {
        this.undo();
      }
    }
  };

  /** Applies an edit; a refused one leaves the text alone and shows `fieldKey`'s message. */
  private _apply(fieldKey: string, change: (draft: ConstraintsDraft) => ConstraintsDraft): void {
    if (!this._draft) {
      return;
    }
    let next: ConstraintsDraft;
    try {
      next = change(this._draft);
    } catch (error) {
      this._showError(fieldKey, (error as Error).message);
      return;
    }
    this._errors.delete(fieldKey);
    this._focusKey = fieldKey;
    this._replaceText(draftText(next));
    this._render();
  }

  /** Writes only the changed span, one undo step per edit. */
  private _replaceText(text: string): void {
    const shared = this._shared;
    const old = shared.getSource();
    if (old === text) {
      return;
    }
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) {
      start++;
    }
    let end = 0;
    while (
      end < old.length - start &&
      end < text.length - start &&
      old[old.length - 1 - end] === text[text.length - 1 - end]
    ) {
      end++;
    }
    shared.undoManager?.stopCapturing();
    shared.updateSource(start, old.length - end, text.slice(start, text.length - end));
    shared.undoManager?.stopCapturing();
  }

  private _render(): void {
    const text = this._context.model.toString();
    if (text === this._renderedText && this.node.childElementCount > 0) {
      return;
    }
    this._renderedText = text;
    // The inputs are rebuilt from the file's values: messages about refused input no longer apply.
    this._errors.clear();
    const focusKey = this._focusKey ?? document.activeElement?.getAttribute('data-key') ?? null;
    this._focusKey = null;
    try {
      this._draft = parseConstraintsDraft(text);
    } catch (error) {
      this._draft = null;
      this.node.replaceChildren(
        element('p', {
          className: 'jp-ModelMonitor-message',
          text: this._trans.__(
            'This constraints.json cannot be edited as a form: %1. Open it with the Editor to fix it.',
            (error as Error).message
          )
        })
      );
      return;
    }
    if (!isDataQualityConstraints(this._draft)) {
      this._draft = null;
      this.node.replaceChildren(
        element('p', {
          className: 'jp-ModelMonitor-message',
          text: this._trans.__(
            'This JSON is not a data-quality constraints.json (it has no features or monitoring_config). Open it with the Editor instead.'
          )
        })
      );
      return;
    }
    this.node.replaceChildren(
      this._renderToolbar(),
      this._renderIssues(this._draft),
      this._renderGlobal(this._draft),
      this._renderFeatures(this._draft)
    );
    if (focusKey) {
      this.node.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
    }
  }

  private _renderToolbar(): HTMLElement {
    const button = (label: string, enabled: boolean, action: () => void) => {
      const node = element('button', {
        className: 'jp-mod-styled jp-ModelMonitor-constraintsButton',
        text: label,
        attributes: { type: 'button', 'data-key': `toolbar:${label}` }
      });
      node.disabled = !enabled;
      node.addEventListener('click', action);
      return node;
    };
    this._undoButton = button(this._trans.__('Undo'), false, () => this.undo());
    this._redoButton = button(this._trans.__('Redo'), false, () => this.redo());
    this._updateUndoButtons();
    const { driftThreshold, comparisonMethod } = this._settings.values;
    const applyDefaults = button(
      this._trans.__('Apply drift defaults (%1, %2)', driftThreshold, comparisonMethod),
      true,
      () =>
        this._apply('global:comparison_threshold', d =>
          applyDriftDefaults(d, driftThreshold, comparisonMethod)
        )
    );
    applyDefaults.title = this._trans.__(
      'Set comparison_threshold and comparison_method to the defaults of your Model Monitor settings'
    );
    const whatIf = button(this._trans.__('What if…'), true, () =>
      this._whatIfRequested.emit({ path: this._context.path, text: this._shared.getSource() })
    );
    whatIf.title = this._trans.__(
      'Replay these constraints, edits included, over the past runs of the monitors that use this file: which violations they would raise or clear (nothing is saved)'
    );
    whatIf.dataset.action = 'what-if';
    return element('div', { className: 'jp-ModelMonitor-constraintsToolbar' }, [
      this._undoButton,
      this._redoButton,
      applyDefaults,
      whatIf
    ]);
  }

  private _renderIssues(draft: ConstraintsDraft): HTMLElement {
    const issues = draftIssues(draft);
    const box = element('div', {
      className: 'jp-ModelMonitor-constraintsIssues',
      attributes: { role: 'status' }
    });
    if (issues.length > 0) {
      box.append(
        element('p', { text: this._trans.__('This file has problems SageMaker may refuse:') }),
        element(
          'ul',
          {},
          issues.map(issue =>
            element('li', {
              text: `${issueFieldLabel(draft, issue.path)}: ${issue.message}`,
              title: issue.path
            })
          )
        )
      );
    }
    return box;
  }

  // monitoring_config

  private _renderGlobal(draft: ConstraintsDraft): HTMLElement {
    const grid = element('div', { className: 'jp-ModelMonitor-constraintsGlobal' });
    for (const field of visibleGlobalFields(draft)) {
      grid.append(...this._renderGlobalField(draft, field));
    }
    return element('section', { attributes: { 'aria-label': 'monitoring_config' } }, [
      element('h3', { text: this._trans.__('Monitoring config') }),
      grid
    ]);
  }

  private _renderGlobalField(draft: ConstraintsDraft, field: GlobalField): HTMLElement[] {
    const spec: GlobalFieldSpec = GLOBAL_FIELDS[field];
    const { value, isDefault } = globalValue(draft, field);
    const key = `global:${field}`;
    const id = `${this.id || 'constraints'}-${field}`;
    const label = element('label', { text: field, attributes: { for: id } });
    const commit = (input: string) => {
      const checked = checkGlobalInput(field, input);
      this._commitChecked(key, checked, v => setGlobal(draft, field, v));
    };
    const control =
      spec.kind === 'threshold'
        ? this._textInput(key, formatValue(value), commit)
        : this._select(key, choicesOf(spec), String(value ?? ''), commit);
    control.id = id;
    const hint = element('span', {
      className: 'jp-ModelMonitor-constraintsHint',
      text: isDefault ? this._trans.__('(not in the file: the analyzer default)') : ''
    });
    return [label, element('div', {}, [inWrapper(control), hint, this._errorNode(key)])];
  }

  // features

  private _renderFeatures(draft: ConstraintsDraft): HTMLElement {
    const t = this._trans;
    const headers = [
      t.__('Feature'),
      t.__('Type'),
      t.__('Completeness'),
      t.__('Non-negative'),
      t.__('Domain'),
      t.__('Overrides')
    ];
    const table = element(
      'table',
      {
        className: 'jp-ModelMonitor-table jp-ModelMonitor-constraintsTable',
        attributes: { 'aria-label': t.__('Feature constraints') }
      },
      [
        element('thead', {}, [
          element(
            'tr',
            {},
            headers.map(text => element('th', { text, attributes: { scope: 'col' } }))
          )
        ]),
        element(
          'tbody',
          {},
          featureViews(draft).map(feature => this._renderFeature(draft, feature))
        )
      ]
    );
    return element('section', { attributes: { 'aria-label': 'features' } }, [
      element('h3', { text: t.__('Features') }),
      element('div', { className: 'jp-ModelMonitor-tableContainer' }, [table])
    ]);
  }

  private _renderFeature(draft: ConstraintsDraft, feature: FeatureView): HTMLTableRowElement {
    const i = feature.index;
    const name = element('th', {
      className: 'jp-ModelMonitor-featureName',
      text: feature.name,
      title: feature.name,
      attributes: { scope: 'row' }
    });
    const typeKey = `feature:${i}:inferred_type`;
    const type = this._select(typeKey, INFERRED_TYPES, feature.inferredType, value =>
      this._apply(typeKey, d => setInferredType(d, i, value))
    );
    const completenessKey = `feature:${i}:completeness`;
    const completeness = this._textInput(
      completenessKey,
      formatValue(feature.completeness),
      input => {
        const checked = checkThreshold(this._trans.__('%1 completeness', feature.name), input);
        this._commitChecked(completenessKey, checked, v => setCompleteness(draft, i, v));
      }
    );
    return element('tr', { attributes: { 'data-index': String(i) } }, [
      name,
      element('td', {}, [inWrapper(this._labelled(type, feature.name, 'inferred_type'))]),
      element('td', {}, [
        this._labelled(completeness, feature.name, 'completeness'),
        this._errorNode(completenessKey)
      ]),
      element('td', {}, [this._renderNonNegative(feature)]),
      element('td', {}, [this._renderDomains(draft, feature)]),
      element('td', {}, [this._renderOverrides(feature)])
    ]);
  }

  private _renderNonNegative(feature: FeatureView): Node {
    if (feature.isNonNegative === undefined) {
      return document.createTextNode('—');
    }
    const key = `feature:${feature.index}:is_non_negative`;
    const box = element('input', { attributes: { type: 'checkbox', 'data-key': key } });
    box.checked = feature.isNonNegative;
    box.addEventListener('change', () =>
      this._apply(key, d => setNonNegative(d, feature.index, box.checked))
    );
    return this._labelled(box, feature.name, 'is_non_negative');
  }

  private _renderDomains(draft: ConstraintsDraft, feature: FeatureView): Node {
    const domains = feature.domains;
    if (domains === undefined) {
      return document.createTextNode('—');
    }
    const i = feature.index;
    const chips = element(
      'ul',
      { className: 'jp-ModelMonitor-domainChips' },
      domains.map((value, position) => {
        const remove = element('button', {
          className: 'jp-ModelMonitor-domainRemove',
          text: '×',
          attributes: {
            type: 'button',
            'aria-label': this._trans.__('Remove %1 from %2', value, feature.name),
            'data-key': `domain:${i}:remove:${position}`
          }
        });
        remove.addEventListener('click', () =>
          this._apply(`domain:${i}:add`, d => removeDomainValue(d, i, position))
        );
        return element('li', { className: 'jp-ModelMonitor-domainChip' }, [
          element('span', { text: value, title: value }),
          remove
        ]);
      })
    );
    const addKey = `domain:${i}:add`;
    const input = element('input', {
      className: 'jp-mod-styled jp-ModelMonitor-domainInput',
      attributes: {
        type: 'text',
        'data-key': addKey,
        placeholder: this._trans.__('Add value…'),
        'aria-label': this._trans.__('Add a domain value to %1', feature.name)
      }
    });
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const field = this._trans.__('%1 domain', feature.name);
        const checked = checkDomainValue(field, input.value, domains);
        this._commitChecked(addKey, checked, v => addDomainValue(draft, i, v));
      }
    });
    return element('div', {}, [chips, input, this._errorNode(addKey)]);
  }

  private _renderOverrides(feature: FeatureView): Node {
    if (feature.domains === undefined) {
      return document.createTextNode('—');
    }
    const inherit = this._trans.__('(inherit)');
    return element(
      'div',
      { className: 'jp-ModelMonitor-constraintsOverrides' },
      OVERRIDE_KEYS.map(overrideKey => {
        const key = `feature:${feature.index}:override:${overrideKey}`;
        const select = this._select(
          key,
          ['', ...FLAGS],
          feature.overrides[overrideKey] ?? '',
          value => this._setOverride(key, feature.index, overrideKey, value)
        );
        select.options[0].textContent = inherit;
        return element('label', {}, [
          element('span', { text: overrideKey }),
          inWrapper(this._labelled(select, feature.name, overrideKey))
        ]);
      })
    );
  }

  private _setOverride(key: string, index: number, overrideKey: OverrideKey, value: string): void {
    this._apply(key, d => setOverride(d, index, overrideKey, value ? (value as Flag) : null));
  }

  // controls

  private _commitChecked<T>(
    key: string,
    checked: Checked<T>,
    change: (value: T) => ConstraintsDraft
  ): void {
    if ('error' in checked) {
      this._showError(key, checked.error);
      return;
    }
    this._apply(key, () => change(checked.value));
  }

  private _textInput(
    key: string,
    value: string,
    commit: (input: string) => void
  ): HTMLInputElement {
    const input = element('input', {
      className: 'jp-mod-styled jp-ModelMonitor-constraintsNumber',
      attributes: { type: 'text', inputmode: 'decimal', 'data-key': key }
    });
    input.value = value;
    input.defaultValue = value;
    input.addEventListener('change', () => commit(input.value));
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        input.dispatchEvent(new Event('change'));
      }
    });
    return input;
  }

  /** A select of `choices`, plus the current value when the file holds one outside them. */
  private _select(
    key: string,
    choices: readonly string[],
    value: string,
    commit: (value: string) => void
  ): HTMLSelectElement {
    const all = choices.includes(value) ? choices : [...choices, value];
    const select = element(
      'select',
      { className: 'jp-mod-styled', attributes: { 'data-key': key } },
      all.map(choice => element('option', { text: choice, attributes: { value: choice } }))
    );
    select.value = value;
    select.addEventListener('change', () => commit(select.value));
    // Lab's select: a caret, and the focus ring on its wrapper (append inWrapper(select)).
    Styling.wrapSelect(select);
    return select;
  }

  private _labelled<T extends HTMLElement>(control: T, featureName: string, field: string): T {
    control.setAttribute('aria-label', `${featureName} ${field}`);
    return control;
  }

  private _errorNode(key: string): HTMLElement {
    const node = element('span', {
      className: 'jp-ModelMonitor-fieldError',
      attributes: { role: 'alert', 'data-error-for': key }
    });
    node.textContent = this._errors.get(key) ?? '';
    return node;
  }

  private _showError(key: string, message: string): void {
    this._errors.set(key, message);
    this._updateUndoButtons();
    const node = this.node.querySelector(`[data-error-for="${key}"]`);
    if (node) {
      node.textContent = message;
    }
  }

  /**
   * Lab's context resolves `ready` a moment before it clears the undo history of the loaded file, so
   * an edit made in between drops out of the history. `data-history-ready` tells when it is safe
   * (after that clear, or after a grace period when the clear came before we listened).
   */
  private _markHistoryReady(): void {
    const manager = this._shared.undoManager;
    const mark = (): void => {
      manager?.off('stack-cleared', mark);
      clearTimeout(timer);
      if (!this.isDisposed) {
        this.node.dataset.historyReady = 'true';
      }
    };
    const timer = setTimeout(mark, HISTORY_GRACE_MS);
    manager?.on('stack-cleared', mark);
  }

  /** The history changes without the text changing too (Lab clears it once the file is loaded). */
  private _updateUndoButtons = (): void => {
    if (this._undoButton && this._redoButton) {
      this._undoButton.disabled = !this._shared.canUndo() && this._errors.size === 0;
      this._redoButton.disabled = !this._shared.canRedo();
    }
  };

  private _undoButton: HTMLButtonElement | null = null;
  private _redoButton: HTMLButtonElement | null = null;
  private _draft: ConstraintsDraft | null = null;
  private _whatIfRequested = new Signal<this, { path: string; text: string }>(this);
  /** The text the form shows; null makes the next render rebuild it. */
  private _renderedText: string | null = null;
  private _focusKey: string | null = null;
  private _errors = new Map<string, string>();
}

/** What to put in the page for a control: a select's wrapper (Styling.wrapSelect), else itself. */
function inWrapper(control: HTMLElement): HTMLElement {
  return control instanceof HTMLSelectElement && control.parentElement
    ? control.parentElement
    : control;
}

/** How long to wait for Lab's clearing of the loaded file's undo history (see _markHistoryReady). */
const HISTORY_GRACE_MS = 2000;

/** Y.UndoManager's events for changes of its stacks. */
const UNDO_STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'];

function choicesOf(spec: GlobalFieldSpec): readonly string[] {
  return spec.kind === 'flag' ? FLAGS : (spec.choices ?? []);
}

/** Numbers as the file writes them (Java doubles: `1.0`, `0.1`), so the form reads like the file. */
function formatValue(value: string | number | undefined): string {
  if (value === undefined) {
    return '';
  }
  return typeof value === 'number' ? formatJavaDouble(value) : value;
}
