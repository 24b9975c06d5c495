import { requestAPI } from './requestAPI';
import type { components } from './schema';

/** `GET /model-monitor/records` (api/openapi.yaml, RecordsPage): the rows behind a number. */

export type RecordMatchKind = components['schemas']['RecordMatch'];

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

/** The spec's page, its cells read as what the server writes: numbers, text or null. */
export type RecordsPage = Omit<components['schemas']['RecordsPage'], 'rows'> & {
  rows: RecordRow[];
};

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
