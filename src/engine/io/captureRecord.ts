import { CaptureEnvelope, scanCaptureEnvelope } from './captureEnvelope';
import { decodePayload, CapturePayload, PayloadProblem } from './capturePayload';
import { Row } from './payloadRows';
import { fieldLimit, ReadContext, reject, warn } from './readContext';
import { tooManyFields } from './readLimits';

const TEMPLATE_TIME = '{%s}';

/**
 * Field counts of the CSV payloads of each side (`endpointInput`, `endpointOutput`), set by the
 * first record read: a CSV row of another width is a malformed record, as in a CSV file.
 */
export type CsvWidths = Map<string, number>;

/**
 * Turns one capture line into rows: output cells, then input cells (SageMaker's default
 * `output_columns_position` START); payload line i of the input pairs with line i of the output.
 * Returns [] for a rejected record (reported with file, line and field).
 */
export function captureLineRows(
  line: string,
  lineNumber: number,
  ctx: ReadContext,
  widths: CsvWidths,
  envelope: CaptureEnvelope | null = scanCaptureEnvelope(line)
): Row[] {
  const record = captureRecordOf(line, lineNumber, ctx, envelope);
  if (record === null) {
    return [];
  }
  const capture = record.captureData;
  if (
    !capture ||
    typeof capture !== 'object' ||
    (!capture.endpointInput && !capture.endpointOutput)
  ) {
    const field = capture ? 'captureData.endpointInput' : 'captureData';
    reject(ctx, { kind: 'missing_field', line: lineNumber, field, message: `no ${field}` });
    return [];
  }
  return pairedRows(capture, lineNumber, ctx, widths);
}

/**
 * A capture line's record, as a preprocessor gets it: any JSON object, its inference time checked.
 * Null (reported) for a line that is not one.
 */
export function captureRecordOf(
  line: string,
  lineNumber: number,
  ctx: ReadContext,
  envelope: CaptureEnvelope | null = scanCaptureEnvelope(line)
): Record<string, any> | null {
  const record = envelope ?? parsedRecord(line, lineNumber, ctx);
  if (record !== null) {
    checkInferenceTime(record, lineNumber, ctx);
  }
  return record;
}

/**
 * The warnings a record with two well-formed CSV sides can still get (the byte-level way reads
 * its rows without `captureLineRows`, and says what it would have said).
 */
export function checkRecordMetadata(
  record: CaptureEnvelope,
  lineNumber: number,
  ctx: ReadContext
): void {
  checkInferenceTime(record, lineNumber, ctx);
  warnEncodingMismatch(record.captureData, lineNumber, ctx);
}

/** The slow path: any JSON object; null (reported) for anything else. */
function parsedRecord(
  line: string,
  lineNumber: number,
  ctx: ReadContext
): Record<string, any> | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    reject(ctx, { kind: 'malformed_json', line: lineNumber, message: (error as Error).message });
    return null;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    reject(ctx, { kind: 'malformed_json', line: lineNumber, message: 'expected a JSON object' });
    return null;
  }
  return record as Record<string, any>;
}

function pairedRows(
  capture: Record<string, CapturePayload | undefined>,
  lineNumber: number,
  ctx: ReadContext,
  widths: CsvWidths
): Row[] {
  const sides: Row[][] = [];
  for (const side of ['endpointOutput', 'endpointInput']) {
    const payload = capture[side];
    if (!payload) {
      continue;
    }
    const result = decodePayload(payload);
    if ('problem' in result) {
      rejectPayload(ctx, lineNumber, side, result.problem);
      return [];
    }
    const widthProblem =
      tooWide(result.rows, fieldLimit(ctx)) ??
      (result.format === 'csv' ? csvWidthProblem(result.rows, side, widths) : null);
    if (widthProblem) {
      rejectPayload(ctx, lineNumber, side, widthProblem);
      return [];
    }
    sides.push(result.rows);
  }
  warnEncodingMismatch(capture, lineNumber, ctx);
  if (sides.length === 2 && sides[0].length !== sides[1].length) {
    reject(ctx, {
      kind: 'row_count_mismatch',
      line: lineNumber,
      field: 'captureData',
      message: `endpointOutput has ${sides[0].length} lines but endpointInput has ${sides[1].length}`
    });
    return [];
  }
  if (sides.length === 1) {
    return sides[0];
  }
  return sides[0].map((output, i) => joinRows(output, sides[1][i]));
}

/** `output` then `input` in one new row (Array#concat's generic path is slow on hot rows). */
function joinRows(output: Row, input: Row): Row {
  const row = new Array<string | null>(output.length + input.length);
  for (let i = 0; i < output.length; i++) {
    row[i] = output[i];
  }
  for (let i = 0; i < input.length; i++) {
    row[output.length + i] = input[i];
  }
  return row;
}

/** A payload row past the field limit, checked before the first record sets the CSV widths. */
function tooWide(rows: Row[], limit: number): PayloadProblem | null {
  const wide = rows.find(row => row.length > limit);
  return wide
    ? { kind: 'too_many_fields', field: 'data', message: tooManyFields(wide.length, limit) }
    : null;
}

function csvWidthProblem(rows: Row[], side: string, widths: CsvWidths): PayloadProblem | null {
  if (rows.length === 0) {
    return null;
  }
  let expected = widths.get(side);
  if (expected === undefined) {
    expected = rows[0].length;
    widths.set(side, expected);
  }
  const at = rows.findIndex(row => row.length !== expected);
  if (at < 0) {
    return null;
  }
  const where = rows.length > 1 ? ` on payload line ${at + 1}` : '';
  return {
    kind: 'column_count',
    field: 'data',
    message: `${rows[at].length} CSV fields${where}, expected ${expected} as in the first record`
  };
}

function rejectPayload(
  ctx: ReadContext,
  lineNumber: number,
  side: string,
  problem: PayloadProblem
): void {
  reject(ctx, {
    kind: problem.kind,
    line: lineNumber,
    field: `captureData.${side}.${problem.field}`,
    message: problem.message
  });
}

function checkInferenceTime(
  record: Record<string, any>,
  lineNumber: number,
  ctx: ReadContext
): void {
  const time = record.eventMetadata?.inferenceTime;
  if (typeof time === 'string' && time.includes(TEMPLATE_TIME)) {
    warn(ctx, {
      kind: 'template_time',
      line: lineNumber,
      field: 'eventMetadata.inferenceTime',
      message: 'inferenceTime is the SDK template "{%s}"'
    });
  }
}

/** SageMaker's analyzer fails on differing encodings; we read each side alone and say so. */
function warnEncodingMismatch(
  capture: Record<string, CapturePayload | undefined>,
  lineNumber: number,
  ctx: ReadContext
): void {
  const input = capture.endpointInput?.encoding;
  const output = capture.endpointOutput?.encoding;
  if (input && output && input !== output) {
    warn(ctx, {
      kind: 'encoding_mismatch',
      line: lineNumber,
      field: 'captureData',
      message: `Encoding is ${input} for endpointInput, but Encoding is ${output} for endpointOutput`
    });
  }
}
