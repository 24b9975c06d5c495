import { Widget } from '@lumino/widgets';

import { STATISTICS_MIME_TYPE, VIOLATIONS_MIME_TYPE, rendererFactory } from '../../../src/mime';
import { HOSTILE_NAME, statisticsDocument, violationsDocument } from '../fixtures/documents';

jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async () => ({ resize: () => undefined, finalize: () => undefined })
}));

function model(mimeType: string, data: unknown): any {
  return { data: { [mimeType]: data }, metadata: {}, trusted: false, setData: () => undefined };
}

function render(mimeType: string, data: unknown) {
  const renderer = rendererFactory.createRenderer({
    mimeType,
    sanitizer: { sanitize: (s: string) => s },
    resolver: null,
    linkHandler: null,
    latexTypesetter: null
  } as any) as any;
  Widget.attach(renderer, document.body);
  return renderer.renderModel(model(mimeType, data)).then(() => renderer);
}

describe('the MIME renderer', () => {
  it('is safe and claims both document types', () => {
    expect(rendererFactory.safe).toBe(true);
    expect(rendererFactory.mimeTypes).toEqual([STATISTICS_MIME_TYPE, VIOLATIONS_MIME_TYPE]);
  });

  it('shows a statistics bundle as the Statistics view', async () => {
    const renderer = await render(STATISTICS_MIME_TYPE, statisticsDocument());
    expect(renderer.node.querySelector('.jp-ModelMonitor-statisticsView')).not.toBeNull();
    expect(renderer.node.textContent).toContain(HOSTILE_NAME);
    expect(renderer.node.querySelector('img')).toBeNull();
    renderer.dispose();
  });

  it('shows a violations bundle as the Violations view', async () => {
    const renderer = await render(VIOLATIONS_MIME_TYPE, violationsDocument());
    expect(renderer.node.querySelector('.jp-ModelMonitor-violationsView')).not.toBeNull();
    renderer.dispose();
  });

  it('explains data it cannot show', async () => {
    const renderer = await render(STATISTICS_MIME_TYPE, { hello: 'world' });
    expect(renderer.node.textContent).toContain('not a Model Monitor document');
    renderer.dispose();
  });
});
