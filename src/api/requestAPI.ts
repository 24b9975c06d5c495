import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import { ModelMonitorApiError, errorMessageOf } from './errors';
import { messageOf } from '../models/errorMessage';

/** The REST namespace of the server extension. */
export const API_NAMESPACE = 'model-monitor';

/**
 * Calls `<baseUrl>/model-monitor/<endPoint>` with Jupyter's authentication and decodes the JSON
 * answer. Throws a ModelMonitorApiError (status 0 when the server cannot be reached).
 */
export async function requestAPI<T>(
  endPoint = '',
  init: RequestInit = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<T> {
  const url = URLExt.join(settings.baseUrl, API_NAMESPACE, endPoint);
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error) {
    throw new ModelMonitorApiError(messageOf(error), 0);
  }
  const body = parseBody(await response.text());
  if (!response.ok) {
    const fallback = `${response.status} ${response.statusText}`.trim();
    throw new ModelMonitorApiError(errorMessageOf(body, fallback), response.status, body);
  }
  return body as T;
}

function parseBody(text: string): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
