import { DiagnosticKind } from '../diagnostics';
import { decodeBase64 } from './base64';
import { PayloadFormat, payloadFormatOf } from './mediaType';
import { csvPayloadRows, jsonLinesPayloadRows, jsonPayloadRows, Row } from './payloadRows';
import { JsonSyntaxError } from './rawJson';

/** One side of a capture: `captureData.endpointInput` or `captureData.endpointOutput`. */
export interface CapturePayload {
  observedContentType?: string | null;
  mode?: string;
  data?: unknown;
  encoding?: string;
}

export interface PayloadProblem {
  kind: DiagnosticKind;
  /** Sub-field of the payload at fault (`data`, `encoding`, `observedContentType`). */
  field: string;
  message: string;
}

export type PayloadResult = { rows: Row[]; format: PayloadFormat } | { problem: PayloadProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a payload's `data` by its `encoding` and content type into rows of cells. */
export function decodePayload(payload: CapturePayload): PayloadResult {
  if (typeof payload.data !== 'string') {
    return problem('missing_field', 'data', 'no data string');
  }
  const notText =
    notAString(payload.observedContentType, 'observedContentType', 'unsupported_content_type') ??
    notAString(payload.encoding, 'encoding', 'unknown_encoding');
  if (notText) {
    return notText;
  }
  const encoding = (payload.encoding ?? '').toUpperCase();
  const format = payloadFormatOf(payload.observedContentType);
  switch (encoding) {
    case 'CSV':
      return parseAs('csv', payload.data);
    case 'JSON':
      return parseAs(format === 'jsonlines' ? 'jsonlines' : 'json', payload.data);
    case 'BASE64':
      return decodeBase64Payload(payload.data, format, payload.observedContentType);
    case '':
      if (format) {
        return parseAs(format, payload.data);
      }
      return problem('missing_field', 'encoding', 'no encoding and no known content type');
    default:
      return problem(
        'unknown_encoding',
        'encoding',
        `unknown encoding ${JSON.stringify(payload.encoding)}`
      );
  }
}

function decodeBase64Payload(
  data: string,
  format: PayloadFormat | null,
  contentType?: string | null
): PayloadResult {
  if (!format) {
    return problem(
      'unsupported_content_type',
      'observedContentType',
      `cannot read ${JSON.stringify(contentType ?? null)} data`
    );
  }
  const bytes = decodeBase64(data);
  if (!bytes) {
    return problem('bad_base64', 'data', 'data is not valid base64');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem('invalid_utf8', 'data', 'decoded data is not UTF-8');
  }
  return parseAs(format, text);
}

function parseAs(format: PayloadFormat, text: string): PayloadResult {
  try {
    switch (format) {
      case 'csv':
        return { rows: csvPayloadRows(text), format };
      case 'jsonlines':
        return { rows: jsonLinesPayloadRows(text), format };
      case 'json':
        return { rows: jsonOrJsonLinesRows(text), format };
    }
  } catch (error) {
    const message = error instanceof JsonSyntaxError ? error.message : String(error);
    return problem('malformed_json', 'data', `${format} payload: ${message}`);
  }
}

/** `application/json` that is really JSON lines (several objects, one a line) is read as such. */
function jsonOrJsonLinesRows(text: string) {
  try {
    return jsonPayloadRows(text);
  } catch (error) {
    if (text.trim().includes('\n')) {
      try {
        return jsonLinesPayloadRows(text);
      } catch {
        // report the first error, about the payload as a whole
      }
    }
    throw error;
  }
}

/** The problem of a field present with a value other than a string or null, else null. */
function notAString(value: unknown, field: string, kind: DiagnosticKind): PayloadResult | null {
  if (value === undefined || value === null || typeof value === 'string') {
    return null;
  }
  return problem(kind, field, `${field} is ${JSON.stringify(value) ?? typeof value}, not a string`);
}

function problem(kind: DiagnosticKind, field: string, message: string): PayloadResult {
  return { problem: { kind, field, message } };
}
