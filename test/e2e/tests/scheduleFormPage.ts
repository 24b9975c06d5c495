import { IJupyterLabPageFixture } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';

/** The monitor's place in a schedule form: what every spec that makes a monitor fills in. */
export interface MonitorBasics {
  name: string;
  dataset: string;
  baselineStatistics: string;
  baselineConstraints: string;
}

/**
 * The side panel's schedule form (New schedule… or Edit), as the specs drive it: one place for
 * its selectors, as jupyter-scheduler's tests keep theirs.
 */
export class ScheduleFormPage {
  readonly dialog: Locator;
  readonly form: Locator;

  constructor(page: IJupyterLabPageFixture) {
    this.dialog = page.locator('.jp-Dialog');
    this.form = this.dialog.locator('.jp-ModelMonitor-scheduleForm');
  }

  /** Opens the side panel and its New schedule… form. */
  static async open(page: IJupyterLabPageFixture): Promise<ScheduleFormPage> {
    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('model-monitor:open-panel')
    );
    await sidePanel(page).locator('button', { hasText: 'New schedule…' }).click();
    return new ScheduleFormPage(page);
  }

  /** The input or select of a form field (ScheduleFormValues' names). */
  field(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  /** The message shown under a field. */
  error(name: string): Locator {
    return this.form.locator(`[data-error-for="${name}"]`);
  }

  async fillBasics(basics: MonitorBasics): Promise<void> {
    for (const [name, value] of Object.entries(basics)) {
      await this.field(name).fill(value);
    }
  }

  async create(): Promise<void> {
    await this.dialog.locator('button', { hasText: 'Create' }).click();
  }
}

export function sidePanel(page: IJupyterLabPageFixture): Locator {
  return page.locator('#jp-ModelMonitor-sidePanel');
}

/** The baseline and captures `writeMonitorData` puts under `folder`. */
export function monitorDataBasics(name: string, folder: string): MonitorBasics {
  return {
    name,
    dataset: `${folder}/captures`,
    baselineStatistics: `${folder}/baseline/statistics.json`,
    baselineConstraints: `${folder}/baseline/constraints.json`
  };
}
