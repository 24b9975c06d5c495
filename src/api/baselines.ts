import { ReportedDiagnostic } from './captures';
import { requestAPI } from './requestAPI';

/** Baseline jobs: `POST /model-monitor/baselines`, `GET …/{id}`, `POST …/{id}/cancel`. */

/** The engine's dataset formats; null lets it detect the format. */
export type DatasetFormat = 'csv' | 'json' | 'sagemaker_capture_json' | 'arrow';

export interface BaselineRequest {
  dataset: string;
  dataset_format: DatasetFormat | null;
  header: boolean;
  output: string;
  overwrite?: boolean;
  /** Also a baseline per value of this column (segmented monitors compare with them). */
  segment?: BaselineSegment | null;
}

export interface BaselineSegment {
  by: string;
  max_segments?: number;
}

export type BaselineJobState = 'running' | 'completed' | 'failed' | 'cancelled';

/** The engine's diagnostics.json of an ended job; files relative to the server root. */
export interface BaselineDiagnostics {
  records: number | null;
  rejected: number | null;
  rows: number | null;
  counts: Record<string, number>;
  examples: ReportedDiagnostic[];
}

export interface BaselineJob {
  id: string;
  dataset: string;
  dataset_format: string | null;
  header: boolean;
  output: string;
  backend: string;
  /** Absent from older servers. */
  segment?: BaselineSegment | null;
  state: BaselineJobState;
  /** Share of the input read, 0 to 1. */
  progress: number;
  /** The phase while running; the outcome or the error afterwards. */
  message: string | null;
  created_at: string;
  finished_at: string | null;
  /** Only in the answer of `getBaseline`. */
  diagnostics?: BaselineDiagnostics | null;
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
