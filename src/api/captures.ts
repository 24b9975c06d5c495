import type { CapturePayloadSample, CaptureSample } from '../engine/pipeline/captureSummary';
import { requestAPI } from './requestAPI';

/** `GET /model-monitor/captures/summary` (api/openapi.yaml, CaptureSummary). */

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

/** A good record as the summary shows it: the engine's `captures` command writes these. */
export type { CapturePayloadSample as CapturePayload, CaptureSample };

export interface CaptureHour {
  /** `2026-11-01T13:00:00Z`, from the hour folder's name. */
  hour: string;
  records: number;
  files: number;
}

/** Side (`endpointInput`, `endpointOutput`) → value → records. */
export type CountsBySide = Record<string, Record<string, number>>;

export interface CaptureSummary {
  path: string;
  files: number;
  bytes: number;
  records: number;
  rejected: number;
  truncated: boolean;
  first_hour: string | null;
  last_hour: string | null;
  first_inference_time: string | null;
  last_inference_time: string | null;
  hours: CaptureHour[];
  records_outside_hour_folders: number;
  encodings: CountsBySide;
  content_types: CountsBySide;
  diagnostics: { counts: Record<string, number>; examples: ReportedDiagnostic[] };
  samples: CaptureSample[];
}

/** Scans a capture folder or file (relative to the server root). */
export function fetchCaptureSummary(path: string): Promise<CaptureSummary> {
  return requestAPI<CaptureSummary>(`captures/summary?${new URLSearchParams({ path })}`);
}
