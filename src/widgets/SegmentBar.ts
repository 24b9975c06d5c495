import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { SegmentEntry } from '../engine/pipeline/segmentsIndex';
import { SegmentedComparison } from '../models/SegmentedComparison';
import { element } from './dom';
import { formatCount } from './format';
import { segmentLabel } from './segmentLabel';

const ALL = 'all';

/**
 * The comparison's segment selector: "All data" and each segment of the run, with its rows and
 * violations, and what the chosen segment is compared with.
 */
export class SegmentBar extends Widget {
  constructor(
    private readonly _segments: SegmentedComparison,
    private readonly _trans: TranslationBundle
  ) {
    super({ node: element('div', { className: 'jp-ModelMonitor-toolbar' }) });
    this.addClass('jp-ModelMonitor-segmentBar');
    const trans = _trans;
    this._select = element('select', {
      className: 'jp-ModelMonitor-segmentSelect jp-mod-styled',
      attributes: { 'aria-label': trans.__('Segment') }
    });
    const all = _segments.all.model;
    const allViolations = all.violations?.violations.length;
    this._select.append(
      this._option(ALL, trans.__('All data'), all.current.dataset?.item_count, allViolations),
      ..._segments.segments.map((segment, i) =>
        this._option(
          String(i),
          segmentLabel(segment, trans),
          segment.item_count,
          segment.violations
        )
      )
    );
    this._select.addEventListener('change', () => {
      const i = this._select.value;
      void _segments.select(i === ALL ? null : _segments.segments[Number(i)]);
    });
    const label = element('label', {
      className: 'jp-ModelMonitor-segmentLabel',
      text: trans.__('Segment by %1', _segments.index.segment_by)
    });
    label.append(this._select);
    this.node.append(label, this._note);
    _segments.changed.connect(this._render, this);
    this._render();
  }

  private _option(
    value: string,
    label: string,
    rows: number | undefined,
    violations: number | undefined
  ): HTMLOptionElement {
    const trans = this._trans;
    const parts = [label];
    if (rows !== undefined) {
      parts.push(trans._n('%2 row', '%2 rows', rows, formatCount(rows)));
    }
    if (violations) {
      parts.push(`⚠ ${trans._n('%1 violation', '%1 violations', violations)}`);
    }
    return element('option', {
      text: parts.join(' · '),
      attributes: { value, 'data-violations': String(violations ?? 0) }
    });
  }

  private _render(): void {
    const segments = this._segments;
    const trans = this._trans;
    const selected = segments.selected;
    this._select.value = selected ? String(segments.segments.indexOf(selected)) : ALL;
    const violated = Number(this._select.selectedOptions[0]?.dataset.violations ?? 0) > 0;
    this._select.classList.toggle('jp-mod-violations', violated);
    this._note.textContent = segments.loading
      ? trans.__('Loading…')
      : selected && !segments.error
        ? baselineNote(segments.current.baseline, trans)
        : '';
  }

  private _select: HTMLSelectElement;
  private _note = element('span', { className: 'jp-ModelMonitor-segmentNote' });
}

function baselineNote(baseline: SegmentEntry['baseline'] | null, trans: TranslationBundle) {
  return baseline === 'segment'
    ? trans.__("compared with the baseline's segment")
    : trans.__('compared with the overall baseline');
}
