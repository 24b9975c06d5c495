import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { fetchMetrics, getExecution } from '../api/monitors';
import { Monitor } from '../api/types';
import { CommandIds } from '../commandIds';
import { readConstraints } from '../engine/documents/read';
import { driftThresholds } from '../models/driftThresholds';
import { MonitorsModel } from '../models/MonitorsModel';
import { QualityConstraint, anyQualityConstraints } from '../models/qualityDocument';
import { modelMonitorIcon } from '../widgets/icons';
import { MetricHistoryView, RunFeature } from '../widgets/MetricHistoryView';

/** Opens a monitor's metric history in the main area. */
export async function showMetrics(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  monitorId: string,
  trans: TranslationBundle
): Promise<MainAreaWidget<MetricHistoryView> | null> {
  const monitor = model.monitors.find(m => m.id === monitorId);
  const name = monitor?.name ?? monitorId;
  try {
    const history = await fetchMetrics(monitorId);
    if (!history) {
      await showErrorMessage(
        trans.__('Metric history'),
        trans.__('This Model Monitor server does not record metrics yet: update it.')
      );
      return null;
    }
    const quality = monitor?.monitor_type === 'model-quality';
    const constraints = quality
      ? await readQualityConstraints(app, monitor.baseline_constraints)
      : {};
    const thresholds =
      monitor && !quality ? await readDriftThresholds(app, monitor.baseline_constraints) : {};
    const content = new MetricHistoryView(history, trans, constraints, thresholds);
    if (monitor) {
      content.comparisonRequested.connect(
        (_, request) => void compareRunAt(app, monitor, request, trans)
      );
    }
    const widget = new MainAreaWidget({ content });
    widget.id = `jp-ModelMonitor-metrics-${monitorId}-${Date.now()}`;
    widget.title.label = trans.__('%1 metrics', name);
    widget.title.icon = modelMonitorIcon;
    widget.title.closable = true;
    app.shell.add(widget, 'main');
    return widget;
  } catch (error) {
    await showErrorMessage(trans.__('Metric history'), String((error as Error)?.message ?? error));
    return null;
  }
}

/** Drift thresholds by feature; none when the constraints are gone or unreadable (no line then). */
async function readDriftThresholds(
  app: JupyterFrontEnd,
  path: string
): Promise<Record<string, number>> {
  try {
    const file = await app.serviceManager.contents.get(path, { content: true, format: 'text' });
    return driftThresholds(readConstraints(String(file.content), path));
  } catch {
    return {};
  }
}

/** The monitor's baseline constraints; none when the file is gone or unreadable (no rule then). */
async function readQualityConstraints(
  app: JupyterFrontEnd,
  path: string
): Promise<Record<string, QualityConstraint>> {
  try {
    const file = await app.serviceManager.contents.get(path, { content: true, format: 'text' });
    return anyQualityConstraints(JSON.parse(String(file.content)));
  } catch {
    return {};
  }
}

/** Opens a run's comparison with its monitor's baseline, at one feature (a heatmap cell). */
async function compareRunAt(
  app: JupyterFrontEnd,
  monitor: Monitor,
  { executionId, feature }: RunFeature,
  trans: TranslationBundle
): Promise<void> {
  try {
    const { output } = await getExecution(executionId);
    await app.commands.execute(CommandIds.compareStatistics, {
      baseline: monitor.baseline_statistics,
      current: `${output}/statistics.json`,
      violations: `${output}/constraint_violations.json`,
      constraints: monitor.baseline_constraints,
      label: trans.__('%1 vs baseline', monitor.name),
      feature
    });
  } catch (error) {
    await showErrorMessage(trans.__('Metric history'), String((error as Error)?.message ?? error));
  }
}
