import { requestAPI } from './requestAPI';
import { ModelMonitorApiError } from './errors';
import { Backend, Execution, MetricHistory, Monitor, MonitorCreate, RunWindow } from './types';

/** Typed calls of the monitors, executions and backends routes (api/openapi.yaml). */

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export async function listMonitors(): Promise<Monitor[]> {
  return (await requestAPI<{ monitors: Monitor[] }>('monitors')).monitors;
}

export function createMonitor(fields: MonitorCreate): Promise<Monitor> {
  return requestAPI<Monitor>('monitors', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(fields)
  });
}

export function updateMonitor(id: string, fields: Partial<MonitorCreate & { enabled: boolean }>) {
  return requestAPI<Monitor>(`monitors/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: JSON_HEADERS,
    body: JSON.stringify(fields)
  });
}

export async function deleteMonitor(id: string): Promise<void> {
  await requestAPI<void>(`monitors/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Runs a monitor now, over its latest full window or over `window`. */
export function runMonitor(id: string, window?: RunWindow): Promise<Execution> {
  return requestAPI<Execution>(`monitors/${encodeURIComponent(id)}/runs`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(window ?? {})
  });
}

/** Executions, newest first, of one monitor or of all. */
export async function listExecutions(monitorId?: string, limit = 500): Promise<Execution[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (monitorId) {
    query.set('monitor_id', monitorId);
  }
  return (await requestAPI<{ executions: Execution[] }>(`executions?${query}`)).executions;
}

export function getExecution(id: string): Promise<Execution> {
  return requestAPI<Execution>(`executions/${encodeURIComponent(id)}`);
}

export function cancelExecution(id: string): Promise<Execution> {
  return requestAPI<Execution>(`executions/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}

export async function listBackends(): Promise<Backend[]> {
  return (await requestAPI<{ backends: Backend[] }>('backends')).backends;
}

/** A monitor's metric history; null when the server predates the metrics route. */
export async function fetchMetrics(monitorId: string): Promise<MetricHistory | null> {
  try {
    return await requestAPI<MetricHistory>(`monitors/${encodeURIComponent(monitorId)}/metrics`);
  } catch (error) {
    if (error instanceof ModelMonitorApiError && error.status === 404 && !hasErrorField(error)) {
      return null;
    }
    throw error;
  }
}

/** Our own 404s carry `{message, field}`; a missing route answers Tornado's HTML page. */
function hasErrorField(error: ModelMonitorApiError): boolean {
  return typeof error.body === 'object' && error.body !== null && 'field' in error.body;
}
