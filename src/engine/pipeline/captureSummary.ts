/**
 * A quick look at capture files (the Lab's "Load captures" view, `GET /captures/summary`): time
 * range, records per hour, encodings, content types, problems and a few samples. Every record is
 * judged by the reader a run uses (captureRecord.ts), so the records, rejected records and problem
 * kinds are the ones a run over the same files reports; only the traffic figures are the summary's
 * own. The shape is api/openapi.yaml's CaptureSummary.
 */
import { DiagnosticsCollector, DiagnosticsSummary } from '../diagnostics';
import { scanCaptureEnvelope } from '../io/captureEnvelope';
import { captureLineRows, CsvWidths } from '../io/captureRecord';
import type { LineLimit } from '../io/lines';
import { lineLimit, newCounts, ReadContext, reject } from '../io/readContext';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from '../io/utf8';
import { hourOfPath, parseIsoTime } from './captureWindow';

const SIDES = ['endpointInput', 'endpointOutput'] as const;
const EXAMPLES_PER_KIND = 5;
const MAX_SAMPLES = 5;
const SAMPLE_CHARS = 2000;

export interface CapturePayloadSample {
  encoding: string | null;
  content_type: string | null;
  data: string;
  truncated: boolean;
}

export interface CaptureSample {
  file: string;
  line: number;
  event_id: string | null;
  inference_time: string | null;
  input: CapturePayloadSample | null;
  output: CapturePayloadSample | null;
}

export interface CaptureSummaryDocument {
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
  hours: { hour: string; records: number; files: number }[];
  records_outside_hour_folders: number;
  encodings: Record<string, Record<string, number>>;
  content_types: Record<string, Record<string, number>>;
  diagnostics: DiagnosticsSummary;
  samples: CaptureSample[];
}

interface HourCount {
  records: number;
  files: number;
}

/** One pass over capture files: `startFile` for each, then its lines; `toJSON` at the end. */
export class CaptureSummary {
  truncated = false;
  private files = 0;
  private bytes = 0;
  private readonly diagnostics = new DiagnosticsCollector(EXAMPLES_PER_KIND);
  private readonly counts = newCounts();
  private readonly hours = new Map<string | null, HourCount>();
  private readonly encodings = sideCounts();
  private readonly contentTypes = sideCounts();
  private readonly samples: CaptureSample[] = [];
  private firstTime: string | null = null;
  private lastTime: string | null = null;
  /** The reading context of the current file, made in startFile: its problems go to the summary. */
  private ctx: ReadContext;
  private hour: HourCount = { records: 0, files: 0 };
  private widths: CsvWidths = new Map();

  constructor(
    private readonly maxRecords: number,
    private readonly maxRecordChars?: number
  ) {
    this.ctx = this.contextOf('');
  }

  /** A file that cannot be read: reported, and the rest is read. */
  unreadable(relative: string, message: string): void {
    this.diagnostics.report({ kind: 'unreadable_file', file: relative, line: 0, message });
  }

  /** Starts a file (`relative` to the summarised folder), as a run starts a reader on it. */
  startFile(relative: string, bytes: number): void {
    this.files++;
    this.bytes += bytes;
    this.ctx = this.contextOf(relative);
    this.widths = new Map();
    if (bytes === 0) {
      this.diagnostics.report({
        kind: 'empty_input',
        file: relative,
        line: 0,
        message: 'file is empty'
      });
    }
    const hour = hourOfPath(relative)?.toISOString().replace('.000Z', 'Z') ?? null;
    let count = this.hours.get(hour);
    if (!count) {
      count = { records: 0, files: 0 };
      this.hours.set(hour, count);
    }
    count.files++;
    this.hour = count;
  }

  private contextOf(file: string): ReadContext {
    return {
      file,
      diagnostics: this.diagnostics,
      counts: this.counts,
      batchSize: 1,
      maxRecordChars: this.maxRecordChars
    };
  }

  /** The line limit of the current file (lines.ts): a line past it is a rejected record. */
  get lineLimit(): LineLimit {
    const { maxChars, onTooLong } = lineLimit(this.ctx);
    return {
      maxChars,
      onTooLong: (line, chars) => {
        this.hour.records++;
        onTooLong!(line, chars);
      }
    };
  }

  /** Adds one line of the current file; false once `maxRecords` records were read (truncated). */
  addLine(line: string, lineNumber: number): boolean {
    if (this.counts.records >= this.maxRecords) {
      this.truncated = true;
      return false;
    }
    if (line.trim().length === 0) {
      return true;
    }
    const ctx = this.ctx;
    this.counts.records++;
    this.hour.records++;
    if (hasInvalidUtf8(line)) {
      reject(ctx, { kind: 'invalid_utf8', line: lineNumber, message: INVALID_UTF8_MESSAGE });
      return true;
    }
    const rejectedBefore = this.counts.rejected;
    const envelope = scanCaptureEnvelope(line);
    captureLineRows(line, lineNumber, ctx, this.widths, envelope);
    const record = envelope ?? parsedObject(line);
    if (record) {
      this.addRecord(record, lineNumber, this.counts.rejected === rejectedBefore);
    }
    return true;
  }

  toJSON(path: string): CaptureSummaryDocument {
    const dated = [...this.hours.keys()].filter((hour): hour is string => hour !== null).sort();
    return {
      path,
      files: this.files,
      bytes: this.bytes,
      records: this.counts.records,
      rejected: this.counts.rejected,
      truncated: this.truncated,
      first_hour: dated[0] ?? null,
      last_hour: dated[dated.length - 1] ?? null,
      first_inference_time: this.firstTime,
      last_inference_time: this.lastTime,
      hours: dated.map(hour => ({ hour, ...this.hours.get(hour)! })),
      records_outside_hour_folders: this.hours.get(null)?.records ?? 0,
      encodings: this.encodings,
      content_types: this.contentTypes,
      diagnostics: this.diagnostics.summary(),
      samples: this.samples
    };
  }

  private addRecord(record: Record<string, any>, lineNumber: number, accepted: boolean): void {
    const capture = isObject(record.captureData) ? record.captureData : {};
    for (const side of SIDES) {
      const payload = capture[side];
      if (isObject(payload)) {
        count(this.encodings[side], String(payload.encoding ?? null));
        count(this.contentTypes[side], String(mediaType(payload.observedContentType)));
      }
    }
    const metadata = isObject(record.eventMetadata) ? record.eventMetadata : {};
    this.addTime(metadata.inferenceTime);
    if (accepted && this.samples.length < MAX_SAMPLES) {
      this.samples.push({
        file: this.ctx.file,
        line: lineNumber,
        event_id: stringOrNull(metadata.eventId),
        inference_time: stringOrNull(metadata.inferenceTime),
        input: payloadSample(capture.endpointInput),
        output: payloadSample(capture.endpointOutput)
      });
    }
  }

  /** Inference times that are times (not the SDK's `{%s}` template) set the range. */
  private addTime(value: unknown): void {
    if (typeof value !== 'string' || parseIsoTime(value) === null) {
      return;
    }
    if (this.firstTime === null || value < this.firstTime) {
      this.firstTime = value;
    }
    if (this.lastTime === null || value > this.lastTime) {
      this.lastTime = value;
    }
  }
}

function sideCounts(): Record<string, Record<string, number>> {
  return Object.fromEntries(SIDES.map(side => [side, {}]));
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The record of a line the envelope fast path left, or null (the reader reported why). */
function parsedObject(line: string): Record<string, any> | null {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** `text/csv` for `Text/CSV; charset=utf-8`; null for a missing or non-string type. */
function mediaType(value: unknown): string | null {
  return typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : null;
}

function payloadSample(payload: unknown): CapturePayloadSample | null {
  if (!isObject(payload)) {
    return null;
  }
  const data = typeof payload.data === 'string' ? payload.data : JSON.stringify(payload.data);
  const text = data ?? 'null';
  return {
    encoding: stringOrNull(payload.encoding),
    content_type: mediaType(payload.observedContentType),
    data: text.slice(0, SAMPLE_CHARS),
    truncated: text.length > SAMPLE_CHARS
  };
}
