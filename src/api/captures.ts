import { requestAPI } from './requestAPI';
import type { components } from './schema';

/**
 * A problem as the server reports it (captures, baseline jobs): the engine's Diagnostic kinds,
 * with file and line, either of which may be null.
 */
export interface ReportedDiagnostic {
  kind: string;
  /** Relative to the scanned folder (captures) or the server root (baselines). */
  file: string | null;
  line: number | null;
  field?: string | null;
  message: string | null;
}

/** `GET /model-monitor/captures/summary` (api/openapi.yaml's CaptureSummary). */
export type CaptureSummary = components['schemas']['CaptureSummary'];
export type CaptureHour = CaptureSummary['hours'][number];
/** A good record as the summary shows it: the engine's `captures` command writes these. */
export type CaptureSample = CaptureSummary['samples'][number];
export type CapturePayload = components['schemas']['CapturePayload'];
/** Side (`endpointInput`, `endpointOutput`) → value → records. */
export type CountsBySide = CaptureSummary['encodings'];

/** What the capture commands read a summary with: fetchCaptureSummary, or a test's own. */
export type CaptureSummarySource = (path: string) => Promise<CaptureSummary>;

/** Scans a capture folder or file (relative to the server root). */
export function fetchCaptureSummary(path: string): Promise<CaptureSummary> {
  return requestAPI<CaptureSummary>(`captures/summary?${new URLSearchParams({ path })}`);
}
