import { Row } from './payloadRows';

/**
 * SageMaker's `record_preprocessor_script` contract in JavaScript (FORMATS.md §2): the function gets
 * one capture record and returns a flat object (one row), an array of them (several rows; `[]` drops
 * the record), or null/undefined (drops it). A null cell is a missing value. Object keys are sorted
 * and the values then named by position, as SageMaker does (its examples zero-pad the keys).
 */
export type PreprocessHandler = (record: PreprocessorRecord) => unknown;

/** What a preprocessor made of one record: its rows, or the error the handler raised on it. */
export type PreprocessorOutcome = { rows: Row[] } | { error: string };

/** A capture record read and checked: its line (a JSON object) and the object it parsed to. */
export interface CaptureRecordInput {
  line: string;
  record: Record<string, any>;
}

/**
 * A record preprocessor as the readers use it: records in, a batch at a time, one outcome per
 * record out, in order. A JavaScript handler or a Python script (node/pythonPreprocessor.ts).
 */
export interface RecordPreprocessor {
  preprocess(records: CaptureRecordInput[]): Promise<PreprocessorOutcome[]>;
}

/** A JavaScript handler as a record preprocessor. */
export function handlerPreprocessor(handler: PreprocessHandler): RecordPreprocessor {
  return {
    preprocess: async records => records.map(({ record }) => handlerOutcome(handler, record))
  };
}

function handlerOutcome(
  handler: PreprocessHandler,
  record: Record<string, any>
): PreprocessorOutcome {
  try {
    return { rows: preprocessorRows(handler(toPreprocessorRecord(record))) };
  } catch (error) {
    return { error: (error as Error)?.message ?? String(error) };
  }
}

/** The record as parsed JSON, plus the snake_case views SageMaker's Python record offers. */
export interface PreprocessorRecord {
  captureData?: unknown;
  eventMetadata?: unknown;
  eventVersion?: unknown;
  endpoint_input?: unknown;
  endpoint_output?: unknown;
  event_metadata?: unknown;
  event_version?: unknown;
  [key: string]: unknown;
}

export function toPreprocessorRecord(record: Record<string, any>): PreprocessorRecord {
  const capture = record.captureData ?? {};
  const metadata = record.eventMetadata ?? {};
  return {
    ...record,
    endpoint_input: snakePayload(capture.endpointInput),
    endpoint_output: snakePayload(capture.endpointOutput),
    event_metadata: {
      event_id: metadata.eventId,
      inference_id: metadata.inferenceId,
      inference_time: metadata.inferenceTime,
      custom_attributes: metadata.customAttributes
    },
    event_version: record.eventVersion
  };
}

function snakePayload(payload: Record<string, any> | undefined): unknown {
  if (!payload) {
    return undefined;
  }
  return {
    observed_content_type: payload.observedContentType,
    mode: payload.mode,
    data: payload.data,
    encoding: payload.encoding
  };
}

/** Turns a preprocessor's return value into rows; throws on shapes outside the contract. */
export function preprocessorRows(result: unknown): Row[] {
  if (result === null || result === undefined) {
    return [];
  }
  const items = Array.isArray(result) ? result : [result];
  return items.map(item => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error('preprocess_handler must return an object, an array of objects, [] or null');
    }
    const row = item as Record<string, unknown>;
    return Object.keys(row)
      .sort()
      .map(key => cellOf(row[key]));
  });
}

function cellOf(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
