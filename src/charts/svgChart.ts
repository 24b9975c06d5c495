/**
 * A Vega-Lite spec drawn as a static SVG string, headless (Node or browser): for reports that must
 * open anywhere, an email attachment included, with no script. Expressions run through
 * vega-interpreter on parsed ASTs, as in renderChart.ts.
 */
import type { TopLevelSpec } from 'vega-lite';

export type SvgRenderer = (spec: TopLevelSpec, width: number) => Promise<string>;

export const renderSvg: SvgRenderer = async (spec, width) => {
  const [vega, vegaLite, { expressionInterpreter }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('vega-interpreter')
  ]);
  // A report has no container to fit: the width is fixed.
  const fixed = {
    ...spec,
    width,
    autosize: { type: 'fit-x', contains: 'padding' }
  } as TopLevelSpec;
  const compiled = vegaLite.compile(fixed, { config: LIGHT }).spec;
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
};

/** Light colours whatever the Lab's theme: a report is read outside JupyterLab. */
const LIGHT = {
  background: '#ffffff',
  font: 'sans-serif',
  view: { stroke: 'transparent' },
  axis: {
    labelColor: '#616161',
    titleColor: '#212121',
    domainColor: '#e0e0e0',
    tickColor: '#e0e0e0',
    gridColor: '#e0e0e0'
  },
  legend: { labelColor: '#212121', titleColor: '#212121' },
  title: { color: '#212121' }
};
