/** Services other plugins (and other extensions) can require. */
import { Token } from '@lumino/coreutils';

import { HealthOutcome } from './models/HealthCheck';
import { AlertsModel } from './models/AlertsModel';
import { MonitorsModel } from './models/MonitorsModel';
import { ViewerSettings } from './models/ViewerSettings';

/** Checks, once and lazily, that the server part of the extension is present and matches. */
export interface IServerHealth {
  /**
   * Runs the check on first call (later calls share the answer) and, the first time it fails,
   * tells the user in one dialog.
   */
  ensure(): Promise<HealthOutcome>;
}

export const IServerHealth = new Token<IServerHealth>(
  'jupyterlab-model-monitor:IServerHealth',
  'Checks that the Model Monitor server extension is installed and of the same version.'
);

/** The Model Monitor side panel in the left area. */
export interface IModelMonitorPanel {
  /** The panel's widget id, to activate it in the shell. */
  readonly id: string;
  /** The monitors and executions the panel shows, polled while it is visible. */
  readonly monitors: MonitorsModel;
  /** The alerts feed, followed while the Lab is open. */
  readonly alerts: AlertsModel;
}

export const IModelMonitorPanel = new Token<IModelMonitorPanel>(
  'jupyterlab-model-monitor:IModelMonitorPanel',
  'The Model Monitor side panel.'
);

/** The user's chart settings, shared by all result views. */
export const IViewerSettings = new Token<ViewerSettings>(
  'jupyterlab-model-monitor:IViewerSettings',
  'Chart settings of the Model Monitor result views.'
);
