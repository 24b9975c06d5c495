import { requestAPI } from './requestAPI';

/** `GET /model-monitor/records` (api/openapi.yaml, RecordsPage): the rows behind a number. */

export type RecordMatchKind =
  'bin' | 'outside_range' | 'unseen_category' | 'missing' | 'wrong_type';

export interface RecordQuery {
  /** The run's output folder, relative to the server root. */
  run: string;
  feature: string;
  match: RecordMatchKind;
  /** `bin` only: numbers in [lower, upper), or [lower, upper] with `includeUpper`. */
  lower?: number;
  upper?: number;
  includeUpper?: boolean;
}

/** A row: where it is (`_file` relative to the server root), then its cells by column name. */
export interface RecordRow {
  _file: string;
  _line: number;
  _event_id: string | null;
  [column: string]: string | number | null;
}

export interface RecordsPage {
  run: string;
  feature: string;
  match: RecordMatchKind;
  /** The JSON-lines file of every listed row, relative to the server root. */
  results_file: string;
  records: number;
  rejected: number;
  matched: number;
  written: number;
  truncated: boolean;
  offset: number;
  limit: number;
  rows: RecordRow[];
}

export function fetchRecords(
  query: RecordQuery,
  offset: number,
  limit: number
): Promise<RecordsPage> {
  const params = new URLSearchParams({
    run: query.run,
    feature: query.feature,
    match: query.match,
    offset: String(offset),
    limit: String(limit)
  });
  if (query.match === 'bin') {
    params.set('lower', String(query.lower));
    params.set('upper', String(query.upper));
    params.set('include_upper', query.includeUpper ? 'true' : 'false');
  }
  return requestAPI<RecordsPage>(`records?${params}`);
}
