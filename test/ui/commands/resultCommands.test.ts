/**
 * Opening a run's results and a monitor's metric history through MonitorsModel, against an
 * in-memory server and a fake JupyterLab (contents, commands, shell).
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ModelMonitorApiError } from '../../../src/api/errors';
import { MetricHistory } from '../../../src/api/types';
import { CommandIds } from '../../../src/commandIds';
import { openResults } from '../../../src/commands/openResults';
import { showMetrics } from '../../../src/commands/showMetrics';
import { MonitorsModel } from '../../../src/models/MonitorsModel';
import { closeAll, notifications, openedDialog, press } from '../dialogDriver';
import { MemoryApi } from '../memoryMonitorsApi';

const clicks: ((datum: Record<string, unknown>) => void)[] = [];
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async (_host: unknown, _spec: unknown, onClick: () => void) => {
    clicks.push(onClick);
    return { resize: () => undefined, finalize: () => undefined };
  }
}));
// @jupyter/react-components (behind LabIcon) ships ES modules jest.config.js does not transform.
jest.mock('../../../src/widgets/icons', () => ({ modelMonitorIcon: undefined }));

const trans = nullTranslator.load('jupyterlab_model_monitor');

/** A JupyterLab whose server holds `files`, and which records the commands and widgets it got. */
function fakeApp(files: string[] = []) {
  const executed: [string, unknown][] = [];
  const added: Widget[] = [];
  const app = {
    serviceManager: {
      contents: {
        get: async (path: string) => {
          if (!files.includes(path)) {
            throw new Error(`404: ${path}`);
          }
          return { path, type: 'file', content: '' };
        }
      }
    },
    commands: {
      execute: async (id: string, args: unknown) => {
        executed.push([id, args]);
      }
    },
    shell: { add: (widget: Widget) => added.push(widget) }
  } as unknown as JupyterFrontEnd;
  return { app, executed, added };
}

let api: MemoryApi;
let model: MonitorsModel;

beforeEach(async () => {
  api = new MemoryApi();
  model = new MonitorsModel(api, () => false);
  await model.reload();
});

afterEach(() => {
  closeAll();
  model.dispose();
});

describe('openResults', () => {
  it("opens the result files a run's folder holds", async () => {
    const statistics = 'monitoring/m/manual/e2/statistics.json';
    const { app, executed } = fakeApp([statistics]);
    expect(await openResults(app, model, { executionId: 'e2' }, trans)).toEqual([statistics]);
    expect(executed).toEqual([['docmanager:open', { path: statistics }]]);
  });

  it('says so when the folder holds none', async () => {
    const { app, executed } = fakeApp();
    expect(await openResults(app, model, { folder: 'monitoring/empty' }, trans)).toEqual([]);
    expect(executed).toEqual([]);
    expect(notifications()).toEqual([['No result files in monitoring/empty', 'warning']]);
  });

  it("fails with the server's message for an unknown run", async () => {
    const { app } = fakeApp();
    await expect(openResults(app, model, { executionId: 'gone' }, trans)).rejects.toThrow(
      'No execution gone'
    );
  });
});

describe('showMetrics', () => {
  const HISTORY: MetricHistory = {
    monitor_id: 'b',
    series: [
      {
        name: 'feature_baseline_drift_age',
        metric: 'baseline_drift',
        feature: 'age',
        points: [{ time: '2026-11-25T02:00:00Z', value: 0.4, execution_id: 'e2' }]
      }
    ]
  };

  /** The error dialog's text; closes it. */
  async function errorShown(): Promise<string> {
    const dialog = await openedDialog();
    const text = dialog.querySelector('.jp-Dialog-body')!.textContent!;
    press(dialog, 'Close');
    return text;
  }

  it('opens the history, whose heatmap cells open that run against the baseline', async () => {
    api.metrics.set('b', HISTORY);
    const { app, executed, added } = fakeApp();
    const widget = await showMetrics(app, model, 'b', trans);
    expect(added).toEqual([widget]);
    expect(widget!.title.label).toBe('beta metrics');

    Widget.attach(widget!, document.body);
    await new Promise(resolve => setTimeout(resolve, 50)); // the charts render asynchronously
    clicks[0]({ executionId: 'e2', feature: 'age' });
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(executed).toEqual([
      [
        CommandIds.compareStatistics,
        {
          baseline: 'b/statistics.json',
          current: 'monitoring/m/manual/e2/statistics.json',
          violations: 'monitoring/m/manual/e2/constraint_violations.json',
          constraints: 'b/constraints.json',
          label: 'beta vs baseline',
          feature: 'age'
        }
      ]
    ]);
    widget!.dispose();
  });

  it('tells a user whose server records no metrics to update it', async () => {
    const { app, added } = fakeApp();
    const showing = showMetrics(app, model, 'b', trans);
    expect(await errorShown()).toBe(
      'This Model Monitor server does not record metrics yet: update it.'
    );
    expect(await showing).toBeNull();
    expect(added).toEqual([]);
  });

  it("shows the server's message when the history cannot be read", async () => {
    api.fetchMetrics = async () => {
      throw new ModelMonitorApiError('database is locked', 503);
    };
    const { app } = fakeApp();
    const showing = showMetrics(app, model, 'b', trans);
    expect(await errorShown()).toBe('database is locked');
    expect(await showing).toBeNull();
  });
});
