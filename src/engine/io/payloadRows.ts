import { splitCsvLine } from './csvParser';
import { cellText, isRawObject, parseRawJson, RawJson } from './rawJson';

export type Row = (string | null)[];

const CR = 13;

/** Keys under which a JSON payload lists one entry per inference (TensorFlow Serving style). */
const INSTANCE_KEYS = new Set(['instances', 'predictions']);

/** CSV payload: one row per non-empty line, fields split on `,`. */
export function csvPayloadRows(data: string): Row[] {
  return payloadLines(data).map(splitCsvLine);
}

/** JSON lines payload: one row per non-empty line. Throws on malformed JSON. */
export function jsonLinesPayloadRows(data: string): Row[] {
  return payloadLines(data).map(line => flattenValues(parseRawJson(line)));
}

/**
 * JSON payload: `{"instances": [...]}` / `{"predictions": [...]}` and arrays of objects or arrays
 * give one row per entry; any other value is one row. Throws on malformed JSON.
 */
export function jsonPayloadRows(data: string): Row[] {
  const value = parseRawJson(data);
  if (isRawObject(value)) {
    const keys = Object.keys(value);
    const entries = keys.length === 1 && INSTANCE_KEYS.has(keys[0]) ? value[keys[0]] : null;
    if (Array.isArray(entries)) {
      return entries.map(v => flattenValues(v));
    }
    return [flattenValues(value)];
  }
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(v => Array.isArray(v) || isRawObject(v))
  ) {
    return value.map(v => flattenValues(v));
  }
  return [flattenValues(value)];
}

/** Flattens a JSON value to cells: object keys sorted, array elements in order, nesting removed. */
export function flattenValues(value: RawJson, into: Row = []): Row {
  if (Array.isArray(value)) {
    for (const item of value) {
      flattenValues(item, into);
    }
  } else if (isRawObject(value)) {
    for (const key of Object.keys(value).sort()) {
      flattenValues(value[key], into);
    }
  } else {
    into.push(cellText(value));
  }
  return into;
}

function payloadLines(data: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf('\n', start);
    if (end < 0) {
      end = data.length;
    }
    const stop = end > start && data.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (stop > start) {
      lines.push(data.slice(start, stop));
    }
    start = end + 1;
  }
  return lines;
}
