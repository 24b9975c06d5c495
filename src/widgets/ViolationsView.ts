import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { ViolationsTableModel } from '../models/ViolationsTableModel';
import { exportName, toCsv } from '../models/csvExport';
import { element } from './dom';
import { exportCsvButton } from './download';
import { DriftTestsTable } from './DriftTestsTable';
import { ViolationsTable } from './ViolationsTable';

/**
 * A constraint_violations.json: check-type filter, violations table, and our drift tests. With
 * `compareFeature`, the selected violation's feature opens in the comparison with the baseline
 * (its charts, and the records behind it).
 */
export class ViolationsView extends Panel {
  constructor(
    readonly model: ViolationsTableModel,
    private readonly _trans: TranslationBundle,
    private readonly _compareFeature?: (feature: string) => void
  ) {
    super();
    this.addClass('jp-ModelMonitor-violationsView');
    this.addWidget(this._toolbar());
    this.addWidget(new ViolationsTable(model, _trans));
    if (model.driftTests) {
      this.addWidget(this._driftHeader());
      this.addWidget(this._driftGuide());
      this.addWidget(new DriftTestsTable(model, _trans));
    }
  }

  private _driftHeader(): Widget {
    const trans = this._trans;
    const checkbox = element('input', { attributes: { type: 'checkbox' } });
    checkbox.addEventListener('change', () => this.model.setDriftOnly(checkbox.checked));
    const toggle = element('label', { className: 'jp-ModelMonitor-driftOnly' }, [
      checkbox,
      document.createTextNode(trans.__('Only tests that found drift'))
    ]);
    const title = element('h3', {
      className: 'jp-ModelMonitor-sectionTitle',
      text: trans.__('Drift tests')
    });
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-sectionHeader' }, [title, toggle])
    });
  }

  /**
   * The tests often disagree with each other and with the violations: say which one decides, and
   * what the others measure (#18 item 18).
   */
  private _driftGuide(): Widget {
    return new Widget({
      node: element('p', {
        className: 'jp-ModelMonitor-lead jp-ModelMonitor-driftGuide',
        text: this._trans.__(
          'Violations come only from baseline_drift_check (the distance between the two distributions, less an allowance for the sample sizes with the Robust method, above its threshold). These tests are extra views of the same change: PSI, Jensen-Shannon, Hellinger and Wasserstein measure how far the shares moved, so they follow the size of the change; Kolmogorov-Smirnov and χ² give a p-value for "one distribution", which large samples make small for tiny changes and small samples keep large for real ones. Where they disagree with the check, look at the feature in Compare with baseline.'
        )
      })
    });
  }

  private _toolbar(): Widget {
    const trans = this._trans;
    const select = element('select', {
      className: 'jp-ModelMonitor-checkFilter jp-mod-styled',
      attributes: { 'aria-label': trans.__('Filter by check type') }
    });
    select.appendChild(
      element('option', { text: trans.__('All checks'), attributes: { value: '' } })
    );
    for (const checkType of this.model.checkTypes) {
      select.appendChild(element('option', { text: checkType, attributes: { value: checkType } }));
    }
    select.addEventListener('change', () => this.model.setCheckTypeFilter(select.value));
    const summary = element('span', { className: 'jp-ModelMonitor-summary' });
    // The count follows the check filter: "2 of 7 violations" (#18 item 12).
    const count = () => {
      const total = this.model.violationCount;
      const shown = this.model.visibleRows.length;
      summary.textContent =
        shown === total
          ? trans._n('%1 violation', '%1 violations', total)
          : trans._n('%2 of %1 violation', '%2 of %1 violations', total, shown);
    };
    count();
    this.model.changed.connect(count);
    const exportCsv = exportCsvButton(
      trans.__('Export CSV'),
      trans.__('Save the violations shown as a CSV file'),
      () => ({
        fileName: exportName('constraint_violations', 'violations'),
        csv: toCsv(
          ['feature_name', 'constraint_check_type', 'description'],
          this.model.visibleRows.map(r => [r.feature, r.checkType, r.description])
        )
      })
    );
    const compare = this._compareButton();
    return new Widget({
      node: element('div', { className: 'jp-ModelMonitor-toolbar' }, [
        select,
        summary,
        ...(compare ? [compare] : []),
        exportCsv
      ])
    });
  }

  /** "Compare with baseline" for the selected violation's feature (data quality only). */
  private _compareButton(): HTMLButtonElement | null {
    const compareFeature = this._compareFeature;
    if (!compareFeature || this.model.isModelQuality) {
      return null;
    }
    const button = element('button', {
      className: 'jp-Button jp-mod-styled jp-ModelMonitor-compareFeature',
      text: this._trans.__('Compare feature with baseline'),
      title: this._trans.__(
        "The selected violation's feature in the comparison: its charts and the records behind it"
      ),
      attributes: { type: 'button' }
    });
    const feature = (): string | undefined =>
      this.model.visibleRows.find(row => row.index === this.model.selected)?.feature;
    const update = () => (button.disabled = !feature());
    update();
    this.model.changed.connect(update);
    button.addEventListener('click', () => {
      const name = feature();
      if (name) {
        compareFeature(name);
      }
    });
    return button;
  }
}
