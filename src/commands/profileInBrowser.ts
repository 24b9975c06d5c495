import { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, MainAreaWidget, showDialog } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { Contents } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';

import { listServerDataset, openServerFile } from '../api/serverFiles';
import { BrowserProfileModel } from '../models/BrowserProfileModel';
import { ViewerSettings } from '../models/ViewerSettings';
import { BrowserProfileView } from '../widgets/BrowserProfileView';
import { modelMonitorIcon } from '../widgets/icons';
import { ProfileFileChoice, ProfileFileForm } from '../widgets/ProfileFileForm';
import { createProfileWorker } from '../worker/createWorker';
import { DoneMessage } from '../worker/protocol';
import { defaultOutput } from '../models/baselineForm';
import { ProfileError, startProfile } from '../worker/runner';
import { openAtLine } from './openAtLine';
import { CONSTRAINTS_FILE, STATISTICS_FILE } from '../engine/documents/fileNames';
import { messageOf } from '../models/errorMessage';

/** Data files the engine reads, offered "Profile in Browser" in the file browser (as are folders). */
export const PROFILABLE_EXTENSIONS = ['.csv', '.jsonl', '.json', '.arrow', '.arrows'];
/** The file type of Arrow IPC files (JupyterLab has none). */
export const ARROW_FILE_TYPE = 'model-monitor-arrow';

export interface IProfileInBrowserArgs {
  path?: string;
  header?: boolean;
}

/**
 * Profiles a data file or a folder of captures in the browser (a Web Worker, or the page when none
 * can start): the bytes stream from the server's files endpoint, the engine runs here, and the
 * result tab shows progress, then the statistics, with a button to save them next to the file or
 * folder (never inside the folder, where they would be read as data next time).
 */
export async function profileInBrowser(
  app: JupyterFrontEnd,
  args: IProfileInBrowserArgs,
  selectedFile: string | undefined,
  settings: ViewerSettings,
  trans: TranslationBundle
): Promise<MainAreaWidget<BrowserProfileView> | null> {
  const choice =
    args.path && args.header !== undefined
      ? { path: args.path, header: args.header }
      : await askChoice(
          { path: args.path ?? selectedFile ?? '', header: args.header ?? true },
          trans
        );
  if (!choice) {
    return null;
  }
  const contents = app.serviceManager.contents;
  const model = new BrowserProfileModel(choice.path);
  const run = startProfile({
    list: () => listServerDataset(choice.path, contents),
    open: (file, signal) => openServerFile(file, signal),
    options: { header: choice.header },
    onProgress: progress => model.setProgress(progress),
    createWorker: createProfileWorker
  });
  const view = new BrowserProfileView(
    model,
    {
      cancel: () => run.cancel(),
      save: () =>
        model.state.status === 'done'
          ? saveOutputs(contents, choice.path, model.state.outputs, trans)
          : Promise.reject(new Error(trans.__('nothing to save yet'))),
      openAt: (file, line) => void openAtLine(app, file, line)
    },
    settings,
    trans
  );
  const widget = new MainAreaWidget({ content: view });
  widget.id = `jp-ModelMonitor-profile-${Date.now()}`;
  widget.title.label = trans.__('Profile: %1', PathExt.basename(choice.path));
  widget.title.caption = choice.path;
  widget.title.icon = modelMonitorIcon;
  widget.title.closable = true;
  widget.disposed.connect(() => run.cancel());
  app.shell.add(widget, 'main');
  run.result.then(
    done => model.setDone(done),
    error =>
      error instanceof ProfileError && error.cancelled
        ? model.setCancelled()
        : model.setFailed(
            messageOf(error),
            error instanceof ProfileError ? error.detail.diagnostics : undefined
          )
  );
  return widget;
}

async function askChoice(
  initial: ProfileFileChoice,
  trans: TranslationBundle
): Promise<ProfileFileChoice | null> {
  const answer = await showDialog({
    title: trans.__('Profile in Browser'),
    body: new ProfileFileForm(initial, trans),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Profile') })
    ]
  });
  return answer.button.accept && answer.value?.path ? answer.value : null;
}

/**
 * Writes the SageMaker files where Build Baseline puts them, `data/training-baseline/` for
 * `data/training.csv` (#18 item 20: they went beside the data, `data/statistics.json`), after
 * asking before replacing any.
 */
async function saveOutputs(
  contents: Contents.IManager,
  dataPath: string,
  outputs: DoneMessage,
  trans: TranslationBundle
): Promise<string> {
  const dir = defaultOutput(dataPath);
  const files = { [STATISTICS_FILE]: outputs.statistics, [CONSTRAINTS_FILE]: outputs.constraints };
  const existing: string[] = [];
  for (const name of Object.keys(files)) {
    const exists = await contents.get(PathExt.join(dir, name), { content: false }).then(
      () => true,
      () => false
    );
    if (exists) {
      existing.push(name);
    }
  }
  if (existing.length > 0) {
    const answer = await showDialog({
      title: trans.__('Replace files?'),
      body: trans.__('%1 already has %2. Replace?', dir || '/', existing.join(', ')),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Keep') }),
        Dialog.warnButton({ label: trans.__('Replace') })
      ]
    });
    if (!answer.button.accept) {
      return trans.__('Not saved.');
    }
  }
  await contents.save(dir, { type: 'directory' });
  for (const [name, content] of Object.entries(files)) {
    await contents.save(PathExt.join(dir, name), { type: 'file', format: 'text', content });
  }
  return trans.__('Saved statistics.json and constraints.json in %1', dir || '/');
}
