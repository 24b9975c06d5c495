import { TranslationBundle } from '@jupyterlab/translation';
import type { Message } from '@lumino/messaging';
import { ISignal, Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';
import type { TopLevelSpec } from 'vega-lite';

import { watchTheme } from '../charts/chartTheme';
import { RenderedChart, renderChart } from '../charts/renderChart';

/**
 * Hosts one Vega-Lite chart. Setting `spec` redraws it; a theme switch redraws it with the new
 * colours; disposal finalizes the Vega view.
 */
export class ChartView extends Widget {
  constructor(private readonly _trans: TranslationBundle) {
    super();
    this.addClass('jp-ModelMonitor-chart');
    this._stopWatchingTheme = watchTheme(() => void this._render());
  }

  get spec(): TopLevelSpec | null {
    return this._spec;
  }

  set spec(spec: TopLevelSpec | null) {
    this._spec = spec;
    void this._render();
  }

  /** Emitted with the data of a clicked mark. */
  get clicked(): ISignal<this, Record<string, unknown>> {
    return this._clicked;
  }

  /** Resolves when the latest requested drawing is on screen (or has failed). */
  get rendered(): Promise<void> {
    return this._rendering;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._stopWatchingTheme();
    this._chart?.finalize();
    this._chart = null;
    super.dispose();
  }

  protected onResize(msg: Widget.ResizeMessage): void {
    this._chart?.resize(msg.width >= 0 ? msg.width : this.node.clientWidth);
  }

  protected onAfterShow(msg: Message): void {
    this._chart?.resize(this.node.clientWidth);
  }

  private _render(): Promise<void> {
    const generation = ++this._generation;
    this._rendering = this._draw(generation);
    return this._rendering;
  }

  private async _draw(generation: number): Promise<void> {
    this._chart?.finalize();
    this._chart = null;
    this.node.replaceChildren();
    if (!this._spec) {
      this._showMessage(this._trans.__('This feature has no distribution to chart.'));
      return;
    }
    const host = document.createElement('div');
    host.className = 'jp-ModelMonitor-chartHost';
    this.node.appendChild(host);
    try {
      const chart = await renderChart(host, this._spec, datum => this._clicked.emit(datum));
      if (generation !== this._generation || this.isDisposed) {
        chart.finalize();
        return;
      }
      this._chart = chart;
    } catch (error) {
      if (generation === this._generation && !this.isDisposed) {
        console.error('Model Monitor: chart failed', error);
        this._showMessage(this._trans.__('The chart could not be drawn.'));
      }
    }
  }

  private _showMessage(text: string): void {
    this.node.replaceChildren();
    const message = document.createElement('p');
    message.className = 'jp-ModelMonitor-chartMessage';
    message.textContent = text;
    this.node.appendChild(message);
  }

  private _spec: TopLevelSpec | null = null;
  private _clicked = new Signal<this, Record<string, unknown>>(this);
  private _chart: RenderedChart | null = null;
  private _generation = 0;
  private _rendering: Promise<void> = Promise.resolve();
  private _stopWatchingTheme: () => void;
}
