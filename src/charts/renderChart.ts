/**
 * Draws a Vega-Lite spec into an element. vega-embed (and vega, vega-lite) load on first use so
 * JupyterLab starts without them. Expressions run through vega-interpreter on parsed ASTs
 * (`ast: true`): nothing derived from the data is ever evaluated as code.
 */
import type { TopLevelSpec } from 'vega-lite';

import { safeFileStem } from '../models/fileNames';
import { escapeHtml } from './escapeHtml';
import { chartConfig, isDarkTheme } from './chartTheme';

export interface RenderedChart {
  /** Resizes the chart to its container's current width. */
  resize(width: number): void;
  /** Releases the Vega view, its listeners and its tooltip handler. */
  finalize(): void;
}

/** `onClick` gets the data of a clicked mark (the row of the spec's data it was drawn from). */
export async function renderChart(
  host: HTMLElement,
  spec: TopLevelSpec,
  onClick?: (datum: Record<string, unknown>) => void
): Promise<RenderedChart> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([
    import('vega-embed'),
    import('vega-interpreter')
  ]);
  const result = await embed(host, spec, {
    mode: 'vega-lite',
    renderer: 'svg',
    // Save as SVG / PNG only: no source, no editor link (it would send the data elsewhere).
    actions: { export: { svg: true, png: true }, source: false, compiled: false, editor: false },
    downloadFileName: downloadName(spec.description),
    ast: true,
    expr: expressionInterpreter,
    config: chartConfig(),
    // vega-tooltip builds its tooltip with innerHTML: every value is escaped first.
    tooltip: { theme: isDarkTheme() ? 'dark' : 'light', sanitize: escapeHtml }
  });
  if (onClick) {
    result.view.addEventListener('click', (_event, item) => {
      const datum = (item as { datum?: unknown } | null | undefined)?.datum;
      if (datum && typeof datum === 'object') {
        onClick(datum as Record<string, unknown>);
      }
    });
  }
  return {
    resize: width => {
      if (width > 0) {
        void result.view.width(width).runAsync();
      }
    },
    finalize: () => result.finalize()
  };
}

/** A file name for a chart's download, from its description (a feature or metric name). */
export function downloadName(description: string | undefined): string {
  return safeFileStem(description, 'chart');
}
