import { Contents } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { STATISTICS_FILE_PATTERN, VIOLATIONS_FILE_PATTERN } from './resultFilePatterns';

const RESULT_FILE = new RegExp(`${STATISTICS_FILE_PATTERN}|${VIOLATIONS_FILE_PATTERN}`, 'i');
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', 'site-packages']);
const MAX_DEPTH = 3;
const MAX_FOLDERS = 40;
const MAX_FILES = 30;

/**
 * Statistics and violations files near the top of the server's root (e.g. the demo's
 * `examples/`), so a new user has something to open. A bounded walk: a hint, not a search.
 */
export class ResultFilesModel {
  constructor(
    private readonly _contents: Contents.IManager,
    readonly root = ''
  ) {}

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get paths(): readonly string[] {
    return this._paths;
  }

  async refresh(): Promise<void> {
    const walk = { found: [] as string[], folders: 0 };
    await this._walk(this.root, 0, walk);
    this._paths = walk.found.sort();
    this._changed.emit();
  }

  private async _walk(
    path: string,
    depth: number,
    walk: { found: string[]; folders: number }
  ): Promise<void> {
    if (depth > MAX_DEPTH || walk.folders >= MAX_FOLDERS || walk.found.length >= MAX_FILES) {
      return;
    }
    walk.folders++;
    let listing: Contents.IModel;
    try {
      listing = await this._contents.get(path, { content: true });
    } catch {
      return; // Unreadable or vanished folder: nothing to suggest there.
    }
    for (const item of (listing.content ?? []) as Contents.IModel[]) {
      if (walk.found.length >= MAX_FILES) {
        return;
      }
      if (item.type === 'file' && RESULT_FILE.test(item.name)) {
        walk.found.push(item.path);
      } else if (item.type === 'directory' && isBrowsable(item.name)) {
        await this._walk(item.path, depth + 1, walk);
      }
    }
  }

  private _paths: string[] = [];
  private _changed = new Signal<this, void>(this);
}

function isBrowsable(name: string): boolean {
  return !name.startsWith('.') && !SKIPPED_FOLDERS.has(name);
}
