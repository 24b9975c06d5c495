import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { Violation } from '../engine/documents/violations';
import { RunDifference } from '../models/whatIf';
import { cell, element } from './dom';

/**
 * What-if thresholds, run by run: violations with the saved constraints and with the edits, and
 * which the edits raise or clear. Runs the edits change come first; the others can be hidden.
 */
export class WhatIfView extends Widget {
  constructor(
    private readonly _runs: readonly RunDifference[],
    /** Past runs whose statistics could not be read (not replayed). */
    private readonly _unreadable: number,
    private readonly _trans: TranslationBundle
  ) {
    super();
    this.addClass('jp-ModelMonitor-whatIf');
    this._render();
  }

  private _render(): void {
    const trans = this._trans;
    const changed = this._runs.filter(r => r.raised.length > 0 || r.cleared.length > 0);
    const shown = this._changedOnly ? changed : this._runs;
    const toggle = element('input', { attributes: { type: 'checkbox', name: 'changedOnly' } });
    toggle.checked = this._changedOnly;
    toggle.addEventListener('change', () => {
      this._changedOnly = toggle.checked;
      this._render();
    });
    this.node.replaceChildren(
      element('p', { className: 'jp-ModelMonitor-whatIfSummary', text: this._summary() }),
      element('p', {
        className: 'jp-ModelMonitor-lead',
        text: trans.__(
          'Each run is checked again from its statistics.json, once with the saved constraints and once with your edits; nothing is saved or re-read from the captures. Data type checks count every value as its feature’s inferred type, so they can differ from the run’s own violations file.'
        )
      }),
      element('label', { className: 'jp-ModelMonitor-driftOnly' }, [
        toggle,
        document.createTextNode(trans.__('Only runs your edits change (%1)', changed.length))
      ]),
      this._table(shown)
    );
  }

  private _summary(): string {
    const trans = this._trans;
    const raised = this._runs.reduce((n, r) => n + r.raised.length, 0);
    const cleared = this._runs.reduce((n, r) => n + r.cleared.length, 0);
    const runs = trans._n('%1 past run', '%1 past runs', this._runs.length);
    const text =
      raised === 0 && cleared === 0
        ? trans.__('Your edits change no violation over %1.', runs)
        : trans.__(
            'Your edits would raise %1 and clear %2 violations over %3.',
            raised,
            cleared,
            runs
          );
    return this._unreadable > 0
      ? text +
          ' ' +
          trans._n('%1 run could not be read.', '%1 runs could not be read.', this._unreadable)
      : text;
  }

  private _table(runs: readonly RunDifference[]): HTMLElement {
    const trans = this._trans;
    const head = element('tr', {}, [
      element('th', { text: trans.__('Run') }),
      element('th', {
        text: trans.__('Saved'),
        title: trans.__('Violations with the saved constraints')
      }),
      element('th', { text: trans.__('Edited'), title: trans.__('Violations with your edits') }),
      element('th', { text: trans.__('Raised') }),
      element('th', { text: trans.__('Cleared') })
    ]);
    const rows = runs.map(run =>
      element(
        'tr',
        {
          attributes: {
            'data-execution-id': run.executionId,
            'data-changed': String(run.raised.length + run.cleared.length > 0)
          }
        },
        [
          cell(run.label),
          cell(String(run.saved.length), true),
          cell(String(run.edited.length), true),
          this._violationsCell(run.raised, 'jp-ModelMonitor-raised'),
          this._violationsCell(run.cleared, 'jp-ModelMonitor-cleared')
        ]
      )
    );
    return element('table', { className: 'jp-ModelMonitor-table jp-ModelMonitor-whatIfTable' }, [
      element('thead', {}, [head]),
      element('tbody', {}, rows)
    ]);
  }

  private _violationsCell(violations: Violation[], className: string): HTMLTableCellElement {
    const td = element('td', { className });
    for (const v of violations) {
      // A break opportunity after the dot, not inside the check type's name.
      td.append(
        element('span', {
          className: 'jp-ModelMonitor-chip',
          text: `${v.feature_name} · ${v.constraint_check_type}`,
          title: v.description
        }),
        document.createTextNode(' ')
      );
    }
    return td;
  }

  private _changedOnly = false;
}
