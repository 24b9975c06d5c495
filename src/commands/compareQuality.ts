import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, showErrorMessage } from '@jupyterlab/apputils';
import { Contents } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';

import { readServerText } from '../api/serverFiles';
import { classifyDocument } from '../models/parseDocuments';
import { modelMonitorIcon } from '../widgets/icons';
import { QualityView } from '../widgets/QualityView';
import { CONSTRAINTS_FILE, VIOLATIONS_FILE } from '../engine/documents/fileNames';

export interface QualityComparisonPaths {
  /** The run's model-quality statistics.json. */
  statistics: string;
  /** The baseline's constraints.json: the thresholds the run was checked against. */
  constraints: string;
  /** The run's constraint_violations.json. */
  violations?: string;
  label?: string;
}

/**
 * A model-quality run against its baseline: the run's metrics with the baseline's thresholds and
 * the run's violations. (The run's folder holds no constraints.json, so opening its statistics
 * alone shows no thresholds.)
 */
export async function compareQuality(
  app: JupyterFrontEnd,
  paths: QualityComparisonPaths,
  trans: TranslationBundle
): Promise<MainAreaWidget<QualityView> | null> {
  const contents = app.serviceManager.contents;
  const parsed = classifyDocument(await readJson(contents, paths.statistics));
  if (parsed.kind !== 'quality') {
    await showErrorMessage(
      trans.__('Cannot compare'),
      trans.__('%1 is not a model-quality statistics.json.', paths.statistics)
    );
    return null;
  }
  const besides: Record<string, string | undefined> = {
    [CONSTRAINTS_FILE]: paths.constraints,
    [VIOLATIONS_FILE]: paths.violations
  };
  const view = new QualityView(parsed.document, trans, async name => {
    const path = besides[name];
    return path ? readJson(contents, path) : null;
  });
  const widget = new MainAreaWidget({ content: view });
  widget.id = `jp-ModelMonitor-compareQuality-${Date.now()}`;
  widget.title.label = paths.label ?? trans.__('Metrics vs baseline');
  widget.title.caption = trans.__(
    'Run: %1\nBaseline constraints: %2',
    paths.statistics,
    paths.constraints
  );
  widget.title.icon = modelMonitorIcon;
  widget.title.closable = true;
  app.shell.add(widget, 'main');
  return widget;
}

/** A JSON file's value; null when it is absent or not JSON. */
async function readJson(contents: Contents.IManager, path: string): Promise<unknown> {
  try {
    return JSON.parse(await readServerText(path, contents));
  } catch {
    return null;
  }
}
