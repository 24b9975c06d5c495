import { requestAPI } from './requestAPI';
import type { components } from './schema';

/**
 * Baseline jobs: `POST /model-monitor/baselines`, `GET …/{id}`, `POST …/{id}/cancel`. Shapes are
 * api/openapi.yaml's, from the generated schema.d.ts.
 */
type Schemas = components['schemas'];

export type BaselineRequest = Schemas['BaselineRequest'];
/** The engine's dataset formats; null lets it detect the format. */
export type DatasetFormat = NonNullable<BaselineRequest['dataset_format']>;
export type BaselineSegment = Schemas['BaselineSegment'];
export type BaselineJobState = Schemas['BaselineJob']['state'];
/** The engine's diagnostics.json of an ended job; files relative to the server root. */
export type BaselineDiagnostics = Schemas['BaselineDiagnostics'];

/** A baseline job; `segment` is absent from servers older than segments. */
export interface BaselineJob extends Omit<Schemas['BaselineJob'], 'segment'> {
  segment?: BaselineSegment | null;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function startBaseline(request: BaselineRequest): Promise<BaselineJob> {
  return requestAPI<BaselineJob>('baselines', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(request)
  });
}

export function getBaseline(id: string): Promise<BaselineJob> {
  return requestAPI<BaselineJob>(`baselines/${encodeURIComponent(id)}`);
}

export function cancelBaseline(id: string): Promise<BaselineJob> {
  return requestAPI<BaselineJob>(`baselines/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}
