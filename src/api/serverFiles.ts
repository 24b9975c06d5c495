import { URLExt } from '@jupyterlab/coreutils';
import { Contents, ServerConnection } from '@jupyterlab/services';

import { DatasetFile } from '../engine/browser/browserDataset';
import { byRelativePath, isSkippedFile } from '../engine/pipeline/datasetFiles';
import { ProfileSource } from '../worker/protocol';

/**
 * The data files of a server path: the file itself, or every file under a folder in the CLI's
 * order (names and sizes from the Contents API's listings, never file contents).
 */
export async function listServerDataset(
  path: string,
  contents: Contents.IManager
): Promise<ProfileSource> {
  const model = await contents.get(path, { content: false });
  if (model.type !== 'directory') {
    return { path, files: [{ name: path, size: model.size ?? 0 }] };
  }
  const found: (DatasetFile & { relative: string })[] = [];
  await walk(contents, path, '', found);
  found.sort(byRelativePath);
  return { path, files: found.map(({ name, size }) => ({ name, size })) };
}

async function walk(
  contents: Contents.IManager,
  dir: string,
  relative: string,
  found: (DatasetFile & { relative: string })[]
): Promise<void> {
  const listing = await contents.get(dir, { content: true });
  for (const item of listing.content as Contents.IModel[]) {
    if (isSkippedFile(item.name)) {
      continue;
    }
    const rel = relative ? `${relative}/${item.name}` : item.name;
    if (item.type === 'directory') {
      await walk(contents, item.path, rel, found);
    } else {
      found.push({ name: item.path, relative: rel, size: item.size ?? 0 });
    }
  }
}

/**
 * A file under the server root as a byte stream, through Jupyter's `files/` endpoint (which
 * streams it from disk): no Contents-API JSON holding the whole file, no computation on the server.
 */
export async function openServerFile(
  path: string,
  signal: AbortSignal,
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<ReadableStream<Uint8Array>> {
  const url = URLExt.join(settings.baseUrl, 'files', URLExt.encodeParts(path));
  const response = await ServerConnection.makeRequest(url, { method: 'GET', signal }, settings);
  if (!response.ok || !response.body) {
    void response.body?.cancel();
    throw new Error(`${path}: cannot read it (${response.status} ${response.statusText})`.trim());
  }
  return response.body;
}

/** A text file under the server root, whole, through the Contents API. */
export async function readServerText(path: string, contents: Contents.IManager): Promise<string> {
  const model = await contents.get(path, { content: true, format: 'text', type: 'file' });
  return String(model.content ?? '');
}
