import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { readServerText } from '../api/serverFiles';
import { Monitor } from '../api/types';
import { CommandIds } from '../commandIds';
import { readConstraints } from '../engine/documents/read';
import { driftThresholds } from '../models/driftThresholds';
import { MonitorsModel } from '../models/MonitorsModel';
import { QualityConstraint, anyQualityConstraints } from '../models/qualityDocument';
import { modelMonitorIcon } from '../widgets/icons';
import { MetricHistoryView, RunFeature } from '../widgets/MetricHistoryView';
import { messageOf } from '../models/errorMessage';

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
    const history = await model.fetchMetrics(monitorId);
    if (!history) {
      await showErrorMessage(
        trans.__('Metric history'),
        trans.__('This Model Monitor server does not record metrics yet: update it.')
      );
      return null;
    }
    const { quality, drift } = await baselineThresholds(app, monitor);
    const content = new MetricHistoryView(history, trans, quality, drift);
    if (monitor) {
      content.comparisonRequested.connect(
        (_, request) => void compareRunAt(app, model, monitor, request, trans)
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
    await showErrorMessage(trans.__('Metric history'), messageOf(error));
    return null;
  }
}

/**
 * The thresholds of the monitor's baseline constraints (read once): a model-quality monitor's
 * metric constraints, or a data-quality monitor's drift threshold per feature. None when the file
 * is gone or unreadable: the charts then draw no threshold.
 */
async function baselineThresholds(
  app: JupyterFrontEnd,
  monitor: Monitor | undefined
): Promise<{ quality: Record<string, QualityConstraint>; drift: Record<string, number> }> {
  const none = { quality: {}, drift: {} };
  if (!monitor) {
    return none;
  }
  const path = monitor.baseline_constraints;
  try {
    const text = await readServerText(path, app.serviceManager.contents);
    return monitor.monitor_type === 'model-quality'
      ? { quality: anyQualityConstraints(JSON.parse(text)), drift: {} }
      : { quality: {}, drift: driftThresholds(readConstraints(text, path)) };
  } catch {
    return none;
  }
}

/**
 * Opens a run's comparison with its monitor's baseline, at one feature (a heatmap cell), in the
 * segment the heatmap showed.
 */
async function compareRunAt(
  app: JupyterFrontEnd,
  model: MonitorsModel,
  monitor: Monitor,
  { executionId, feature, segment }: RunFeature,
  trans: TranslationBundle
): Promise<void> {
  try {
    const { output } = await model.fetchExecution(executionId);
    await app.commands.execute(CommandIds.compareStatistics, {
      baseline: monitor.baseline_statistics,
      current: `${output}/statistics.json`,
      violations: `${output}/constraint_violations.json`,
      constraints: monitor.baseline_constraints,
      label: trans.__('%1 vs baseline', monitor.name),
      feature,
      ...(segment ? { segment: { ...segment } } : {}) // a copy: command args are JSON objects
    });
  } catch (error) {
    await showErrorMessage(trans.__('Metric history'), messageOf(error));
  }
}
