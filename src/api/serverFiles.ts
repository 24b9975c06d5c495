import { URLExt } from '@jupyterlab/coreutils';
import { Contents, ServerConnection } from '@jupyterlab/services';

import { ProfileSource } from '../worker/protocol';

/**
 * Opens a file under the server root as a byte stream, through Jupyter's `files/` endpoint (which
 * streams it from disk): no Contents-API JSON holding the whole file, no computation on the server.
 * The size comes from Content-Length, or from the Contents API when the server sent none.
 */
export async function openServerFile(
  path: string,
  signal: AbortSignal,
  contents: Contents.IManager,
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<ProfileSource> {
  const url = URLExt.join(settings.baseUrl, 'files', URLExt.encodeParts(path));
  const response = await ServerConnection.makeRequest(url, { method: 'GET', signal }, settings);
  if (!response.ok || !response.body) {
    void response.body?.cancel();
    throw new Error(`${path}: cannot read it (${response.status} ${response.statusText})`.trim());
  }
  const length = response.headers.get('Content-Length');
  const size =
    length !== null ? Number(length) : ((await contents.get(path, { content: false })).size ?? 0);
  return { name: path, size, stream: response.body };
}
