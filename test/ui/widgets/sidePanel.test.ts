import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { AlertsModel } from '../../../src/models/AlertsModel';
import { MonitorsModel } from '../../../src/models/MonitorsModel';
import { ResultFilesModel } from '../../../src/models/ResultFilesModel';
import { SidePanel } from '../../../src/widgets/SidePanel';
import { MemoryApi } from '../memoryMonitorsApi';

/** A contents manager over a fixed folder tree: path → child names (folders end with '/'). */
function fakeContents(tree: Record<string, string[]>): any {
  return {
    get: async (path: string) => {
      if (!(path in tree)) {
        throw new Error('404');
      }
      return {
        content: tree[path].map(name => ({
          name: name.replace(/\/$/, ''),
          path: [path, name.replace(/\/$/, '')].filter(Boolean).join('/'),
          type: name.endsWith('/') ? 'directory' : 'file'
        }))
      };
    }
  };
}

// @jupyter/react-components (behind LabIcon) ships ES modules jest.config.js does not transform.
jest.mock('../../../src/widgets/icons', () => ({ modelMonitorIcon: undefined }));

const trans = nullTranslator.load('jupyterlab_model_monitor');

describe('ResultFilesModel', () => {
  it('finds statistics and violations files below the root, sorted', async () => {
    const model = new ResultFilesModel(
      fakeContents({
        '': ['examples/', 'node_modules/'],
        node_modules: ['statistics.json'],
        examples: ['baseline/', 'notes.md', '.hidden/'],
        'examples/baseline': ['statistics.json', 'constraints.json', 'run/'],
        'examples/baseline/run': ['constraint_violations.json', 'model_statistics.json'],
        'examples/.hidden': ['statistics.json']
      })
    );
    await model.refresh();
    expect(model.paths).toEqual([
      'examples/baseline/run/constraint_violations.json',
      'examples/baseline/run/model_statistics.json',
      'examples/baseline/statistics.json'
    ]);
  });

  it('finds nothing when the root cannot be read', async () => {
    const model = new ResultFilesModel(fakeContents({}));
    await model.refresh();
    expect(model.paths).toEqual([]);
  });
});

describe('SidePanel', () => {
  it('explains what to do and offers the example files to open', async () => {
    const examples = new ResultFilesModel(
      fakeContents({ '': ['examples/'], examples: ['statistics.json'] })
    );
    const api = new MemoryApi();
    api.monitors = [];
    api.executions = [];
    const monitors = new MonitorsModel(api, () => false);
    await monitors.reload();
    const alerts = new AlertsModel({
      listAlerts: async () => ({ alerts: [], cursor: 0, unread: 0 }),
      acknowledgeAlerts: jest.fn(),
      muteMonitor: jest.fn()
    });
    const panel = new SidePanel(examples, monitors, alerts, trans);
    const opened: string[] = [];
    panel.openRequested.connect((_, path) => opened.push(path));
    const firstShown = jest.fn();
    panel.firstShown.connect(firstShown);

    Widget.attach(panel, document.body);
    panel.hide();
    panel.show();
    panel.hide();
    panel.show();
    expect(firstShown).toHaveBeenCalledTimes(1);
    expect(panel.node.textContent).toContain('No monitors yet');
    expect(panel.hasClass('jp-mod-empty')).toBe(true);
    expect(panel.node.textContent).toContain('Schedules run while a Jupyter server');
    expect(panel.node.querySelector('code')!.textContent).toBe(
      'model-monitor baseline --dataset train.csv --header --output baseline'
    );

    await examples.refresh();
    const link = panel.node.querySelector('.jp-ModelMonitor-fileLink') as HTMLButtonElement;
    expect(link.textContent).toBe('examples/statistics.json');
    link.click();
    expect(opened).toEqual(['examples/statistics.json']);
    panel.dispose();
    monitors.dispose();
    alerts.dispose();
  });
});
