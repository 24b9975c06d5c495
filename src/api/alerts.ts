import { requestAPI } from './requestAPI';
import { AlertFeed, Monitor } from './types';

/** Typed calls of the alerts routes (api/openapi.yaml). */

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Alerts raised after `since` (a cursor), or the newest `limit` ones without it. */
export function listAlerts(since?: number, limit = 50): Promise<AlertFeed> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (since !== undefined) {
    query.set('since', String(since));
  }
  return requestAPI<AlertFeed>(`alerts?${query}`);
}

/** Marks alerts read for every open Lab: these ids, or all up to `upTo`. */
export function acknowledgeAlerts(
  which: { ids: number[] } | { upTo: number }
): Promise<{ acknowledged: number; unread: number }> {
  const body = 'ids' in which ? { ids: which.ids } : { up_to: which.upTo };
  return requestAPI('alerts/acknowledge', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(body)
  });
}

/** Mutes a monitor's Lab notifications until `until` (an ISO time), or unmutes it (null). */
export function muteMonitor(monitorId: string, until: string | null): Promise<Monitor> {
  return requestAPI<Monitor>(`monitors/${encodeURIComponent(monitorId)}`, {
    method: 'PATCH',
    headers: JSON_HEADERS,
    body: JSON.stringify({ muted_until: until })
  });
}
