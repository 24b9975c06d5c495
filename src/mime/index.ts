/**
 * The MIME extension (package.json `jupyterlab.mimeExtension`): statistics, violations and
 * comparison documents displayed from a kernel, e.g. by `jupyterlab_model_monitor.display`.
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';

import { ComparisonRenderer } from './ComparisonRenderer';
import { ResultRenderer } from './ResultRenderer';

export const STATISTICS_MIME_TYPE = 'application/vnd.model-monitor.statistics+json';
export const VIOLATIONS_MIME_TYPE = 'application/vnd.model-monitor.violations+json';
export const COMPARISON_MIME_TYPE = 'application/vnd.model-monitor.comparison+json';

export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [STATISTICS_MIME_TYPE, VIOLATIONS_MIME_TYPE],
  createRenderer: options => new ResultRenderer(options)
};

export const comparisonRendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [COMPARISON_MIME_TYPE],
  createRenderer: options => new ComparisonRenderer(options)
};

const extension: IRenderMime.IExtension = {
  id: 'jupyterlab-model-monitor:result-renderer',
  description: 'Renders Model Monitor statistics and violations in notebook outputs.',
  rendererFactory,
  rank: 0,
  dataType: 'json'
};

const comparisonExtension: IRenderMime.IExtension = {
  id: 'jupyterlab-model-monitor:comparison-renderer',
  description: 'Renders a Model Monitor baseline vs current comparison in notebook outputs.',
  rendererFactory: comparisonRendererFactory,
  rank: 0,
  dataType: 'json'
};

export default [extension, comparisonExtension];
