import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { CapturePayload, CaptureSample, CaptureSummary } from '../api/captures';
import { recordsPerHourSpec } from '../charts/captureSpecs';
import { SideCounts, hourlyRecords, sideCounts, timeRangeOf } from '../models/captureSummary';
import { ChartView } from './ChartView';
import { diagnosticsSection } from './diagnosticsTable';
import { cell, element } from './dom';
import { formatCount } from './format';

/**
 * A capture folder at a glance: facts, records per hour, encodings and content types, sample
 * records and the lines that could not be read. Everything from the files goes in as text.
 */
export class CaptureSummaryView extends Panel {
  /** `openFile` opens a capture file (path relative to the server root) at a line. */
  constructor(
    private readonly _trans: TranslationBundle,
    private readonly _openFile?: (path: string, line: number | null) => void
  ) {
    super();
    this.addClass('jp-ModelMonitor-captureSummary');
    this._chart = new ChartView(_trans);
    this._chart.addClass('jp-ModelMonitor-captureChart');
  }

  get chart(): ChartView {
    return this._chart;
  }

  get summary(): CaptureSummary | null {
    return this._summary;
  }

  showSummary(summary: CaptureSummary): void {
    this._summary = summary;
    const trans = this._trans;
    this._clear();
    this.addWidget(this._block(this._header(summary)));
    if (summary.records === 0) {
      return;
    }
    this.addWidget(this._block([heading(trans.__('Records per hour (UTC)'))]));
    this.addWidget(this._chart);
    this._chart.spec = recordsPerHourSpec(hourlyRecords(summary), {
      hour: trans.__('Hour (UTC)'),
      records: trans.__('Records')
    });
    this.addWidget(
      this._block([
        element('div', { className: 'jp-ModelMonitor-captureCounts' }, [
          this._countsTable(trans.__('Encoding'), sideCounts(summary.encodings)),
          this._countsTable(trans.__('Content type'), sideCounts(summary.content_types))
        ]),
        heading(trans.__('Sample records')),
        ...this._samples(summary.samples),
        heading(trans.__('Parse diagnostics')),
        diagnosticsSection(
          summary.diagnostics.counts,
          summary.diagnostics.examples,
          trans,
          this._openFile
            ? d => this._openFile!(inFolder(summary.path, d.file ?? ''), d.line)
            : undefined
        )
      ])
    );
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._chart.dispose(); // also when show() has taken it out of the layout
    super.dispose();
  }

  showError(path: string, message: string): void {
    this._clear();
    this.addWidget(
      this._block([
        element('h2', { className: 'jp-ModelMonitor-captureTitle', text: path }),
        element('p', {
          className: 'jp-ModelMonitor-message jp-ModelMonitor-error',
          text: this._trans.__('The captures could not be read: %1', message),
          attributes: { role: 'alert' }
        })
      ])
    );
  }

  private _header(summary: CaptureSummary): HTMLElement[] {
    const trans = this._trans;
    const range = timeRangeOf(summary);
    const facts: [string, string][] = [
      [trans.__('Files'), formatCount(summary.files)],
      [trans.__('Size'), formatBytes(summary.bytes)],
      [trans.__('Records'), formatCount(summary.records)],
      [trans.__('Unreadable records'), formatCount(summary.rejected)],
      [trans.__('Hour folders'), formatCount(summary.hours.length)],
      [
        trans.__('Time range (UTC)'),
        range ? `${utcText(range.first)} – ${utcText(range.last)}` : trans.__('none')
      ]
    ];
    const list = element(
      'dl',
      { className: 'jp-ModelMonitor-facts' },
      facts.map(([term, value], index) =>
        element(
          'div',
          { className: index === facts.length - 1 ? 'jp-ModelMonitor-wideFact' : undefined },
          [element('dt', { text: term }), element('dd', { text: value })]
        )
      )
    );
    const notes: HTMLElement[] = [];
    if (summary.records === 0) {
      notes.push(note(trans.__('No capture records (.jsonl files) in this folder.')));
    }
    if (summary.truncated) {
      notes.push(
        note(trans.__('The scan stopped after %1 records.', formatCount(summary.records)))
      );
    }
    if (summary.records_outside_hour_folders > 0) {
      notes.push(
        note(
          trans.__(
            '%1 records are outside yyyy/mm/dd/HH folders and not in the chart.',
            formatCount(summary.records_outside_hour_folders)
          )
        )
      );
    }
    return [
      element('h2', { className: 'jp-ModelMonitor-captureTitle', text: summary.path }),
      list,
      ...notes
    ];
  }

  private _countsTable(title: string, rows: SideCounts[]): HTMLElement {
    const trans = this._trans;
    return element('table', { className: 'jp-ModelMonitor-table jp-ModelMonitor-countsTable' }, [
      element('thead', {}, [
        element('tr', {}, [
          element('th', { text: title }),
          element('th', { text: trans.__('Input records') }),
          element('th', { text: trans.__('Output records') })
        ])
      ]),
      element(
        'tbody',
        {},
        rows.map(row =>
          element('tr', {}, [
            cell(row.value),
            cell(formatCount(row.input), true),
            cell(formatCount(row.output), true)
          ])
        )
      )
    ]);
  }

  private _samples(samples: CaptureSample[]): HTMLElement[] {
    const trans = this._trans;
    if (samples.length === 0) {
      return [note(trans.__('No well-formed records.'))];
    }
    return samples.map(sample => {
      const where = `${sample.file}:${sample.line}`;
      const meta = [where, sample.inference_time, sample.event_id].filter(Boolean).join(' · ');
      const text = [
        this._payloadText(trans.__('Input'), sample.input),
        this._payloadText(trans.__('Output'), sample.output)
      ].join('\n');
      return element('figure', { className: 'jp-ModelMonitor-sample' }, [
        element('figcaption', { text: meta, title: meta }),
        element('pre', { className: 'jp-ModelMonitor-sampleData', text })
      ]);
    });
  }

  private _payloadText(side: string, payload: CapturePayload | null): string {
    if (!payload) {
      return `${side}: —`;
    }
    const kind = [payload.encoding, payload.content_type].filter(Boolean).join(', ');
    const cut = payload.truncated ? ` ${this._trans.__('(cut)')}` : '';
    return `${side} (${kind}): ${payload.data}${cut}`;
  }

  private _block(children: HTMLElement[]): Widget {
    return new Widget({ node: element('div', { className: 'jp-ModelMonitor-block' }, children) });
  }

  private _clear(): void {
    for (const widget of [...this.widgets]) {
      if (widget === this._chart) {
        this.layout?.removeWidget(widget);
      } else {
        widget.dispose();
      }
    }
  }

  private _chart: ChartView;
  private _summary: CaptureSummary | null = null;
}

/** Diagnostics name capture files relative to the scanned folder. */
function inFolder(folder: string, file: string): string {
  const base = folder.replace(/\/+$/, '');
  return base === '' || base === '.' ? file : `${base}/${file}`;
}

function heading(text: string): HTMLElement {
  return element('h3', { className: 'jp-ModelMonitor-sectionTitle', text });
}

function note(text: string): HTMLElement {
  return element('p', { className: 'jp-ModelMonitor-help', text });
}

/** `2026-11-01T13:05:00Z` → `2026-11-01 13:05:00`: captures are in UTC, like the chart. */
function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: unit ? 1 : 0 })} ${units[unit]}`;
}
