import { Widget } from '@lumino/widgets';

import { StatisticsDocument } from '../../../src/engine/documents/statistics';
import { COMPARISON_MIME_TYPE, comparisonRendererFactory } from '../../../src/mime';
import mimeExtensions from '../../../src/mime';
import { HOSTILE_NAME, statisticsDocument, violationsDocument } from '../fixtures/documents';

jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

/** The fixture with `age` shifted up: its sketch no longer overlaps the baseline's much. */
function driftedStatistics(): StatisticsDocument {
  const document = statisticsDocument();
  const age = document.features[0].numerical_statistics!;
  age.distribution!.kll!.sketch!.data = [[55, 60, 65, 70, 75]];
  return document;
}

async function render(data: unknown) {
  const renderer = comparisonRendererFactory.createRenderer({
    mimeType: COMPARISON_MIME_TYPE,
    sanitizer: { sanitize: (s: string) => s },
    resolver: null,
    linkHandler: null,
    latexTypesetter: null
  } as any) as any;
  Widget.attach(renderer, document.body);
  const model = {
    data: { [COMPARISON_MIME_TYPE]: data },
    metadata: {},
    trusted: false,
    setData: () => undefined
  };
  await renderer.renderModel(model as any);
  return renderer;
}

describe('the comparison MIME renderer', () => {
  it('is a safe renderer of the comparison type, registered next to the result renderer', () => {
    expect(comparisonRendererFactory.safe).toBe(true);
    expect(comparisonRendererFactory.mimeTypes).toEqual([COMPARISON_MIME_TYPE]);
    expect(mimeExtensions.map(extension => extension.rendererFactory.mimeTypes)).toContainEqual([
      COMPARISON_MIME_TYPE
    ]);
  });

  it('shows baseline vs current with the labels, drift and violation badges', async () => {
    const renderer = await render({
      baseline: statisticsDocument(),
      current: driftedStatistics(),
      violations: violationsDocument(),
      // The baseline's monitoring_config (display.py adds it): drift as the check measured it.
      monitoring_config: { distribution_constraints: { comparison_method: 'Simple' } },
      labels: { baseline: 'baseline/statistics.json', current: 'run/statistics.json' }
    });
    const view = renderer.node.querySelector('.jp-ModelMonitor-comparisonView');
    expect(view).not.toBeNull();
    const files = view.querySelector('.jp-ModelMonitor-comparedFiles').textContent;
    expect(files).toContain('Baseline: baseline/statistics.json');
    expect(files).toContain('Current: run/statistics.json');
    // age moved from 20–60 to 55–75 (CDFs 0.8 apart at 50): most drifted first, with its badge.
    const firstRow = view.querySelector('tbody tr');
    expect(firstRow.textContent).toContain('age');
    expect(firstRow.textContent).toContain('data_type_check');
    expect(renderer.view.model.features.find((f: any) => f.name === 'age').drift).toBeCloseTo(0.8);
    // The count follows the filter (#18 item 12).
    const summary = () => view.querySelector('.jp-ModelMonitor-summary').textContent;
    const total = renderer.view.model.features.length;
    expect(summary()).toMatch(new RegExp(`^${total} features · `));
    const search = view.querySelector('.jp-ModelMonitor-search');
    search.value = 'age';
    search.dispatchEvent(new Event('input'));
    expect(summary()).toMatch(new RegExp(`^1 of ${total} features · `));
    search.value = '';
    search.dispatchEvent(new Event('input'));
    // Feature names from data stay text.
    expect(renderer.node.textContent).toContain(HOSTILE_NAME);
    expect(renderer.node.querySelector('img')).toBeNull();
    renderer.dispose();
  });

  it('measures drift with the default Robust method when the bundle has no settings', async () => {
    const renderer = await render({ baseline: statisticsDocument(), current: driftedStatistics() });
    const age = renderer.view.model.features.find((f: any) => f.name === 'age');
    expect(age.rawDrift).toBeCloseTo(0.8);
    expect(age.drift).toBeLessThan(0.8); // less the allowance for these few rows
    renderer.dispose();
  });

  it('works without violations or labels', async () => {
    const renderer = await render({
      baseline: statisticsDocument(),
      current: statisticsDocument()
    });
    expect(renderer.node.querySelector('.jp-ModelMonitor-badge')).toBeNull();
    expect(renderer.node.textContent).toContain('Baseline: baseline');
    expect(renderer.view.model.driftedCount).toBe(0);
    renderer.dispose();
  });

  it('explains a bundle without two statistics documents', async () => {
    let renderer = await render({ current: statisticsDocument() });
    expect(renderer.node.textContent).toContain('no baseline statistics.json');
    renderer.dispose();
    renderer = await render({ baseline: statisticsDocument(), current: { features: 'x' } });
    expect(renderer.node.textContent).toContain('no current statistics.json');
    expect(renderer.node.querySelector('.jp-ModelMonitor-comparisonView')).toBeNull();
    renderer.dispose();
  });
});
