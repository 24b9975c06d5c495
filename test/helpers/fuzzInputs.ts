/**
 * Generators of real-looking reader inputs for fuzzing and for the bad-input corpus: SageMaker
 * capture lines (CSV, JSON and base64 payloads), CSV with quotes, embedded newlines, BOM and CRLF,
 * and JSON lines. Deterministic: every value comes from the arguments.
 */

export type PayloadKind = 'csv' | 'json' | 'base64';

function payload(values: number[], kind: PayloadKind, mode: 'INPUT' | 'OUTPUT') {
  const csv = values.join(',');
  if (kind === 'csv') {
    return { observedContentType: 'text/csv', mode, data: csv, encoding: 'CSV' };
  }
  if (kind === 'json') {
    const data = JSON.stringify({ instances: [{ features: values }] });
    return { observedContentType: 'application/json', mode, data, encoding: 'JSON' };
  }
  const data = Buffer.from(csv).toString('base64');
  return { observedContentType: 'text/csv', mode, data, encoding: 'BASE64' };
}

/**
 * One capture line (FORMATS.md §1.1) whose input payload holds `values` in the given encoding; the
 * output (one score) uses the same encoding, so the line reads without any warning.
 */
export function captureLine(values: number[], kind: PayloadKind, eventId = 'e1'): string {
  return JSON.stringify({
    captureData: {
      endpointInput: payload(values, kind, 'INPUT'),
      endpointOutput: payload([0.5], kind, 'OUTPUT')
    },
    eventMetadata: { eventId, inferenceTime: '2024-05-01T12:00:00Z' },
    eventVersion: '0'
  });
}

/** A CSV field as a careful writer quotes it: quotes doubled, fields with , " or newlines quoted. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvStyle {
  bom?: boolean;
  crlf?: boolean;
}

export function csvText(rows: string[][], style: CsvStyle = {}): string {
  const eol = style.crlf ? '\r\n' : '\n';
  const body = rows.map(row => row.map(csvField).join(',')).join(eol) + eol;
  return (style.bom ? '\ufeff' : '') + body;
}

export function jsonLine(row: Record<string, unknown>): string {
  return JSON.stringify(row);
}

/** Splits bytes into chunks at the given cut points (sorted, deduplicated, in range). */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map(c => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) {
      chunks.push(bytes.subarray(start, point));
      start = point;
    }
  }
  return chunks;
}

/** A copy of `bytes` with some bytes overwritten, deleted or inserted, and maybe truncated. */
export function mutate(
  bytes: Uint8Array,
  edits: { at: number; op: 'set' | 'delete' | 'insert'; byte: number }[],
  truncateAt?: number
): Uint8Array {
  const out = Array.from(bytes);
  for (const edit of edits) {
    if (out.length === 0) {
      break;
    }
    const at = edit.at % out.length;
    if (edit.op === 'set') {
      out[at] = edit.byte;
    } else if (edit.op === 'delete') {
      out.splice(at, 1);
    } else {
      out.splice(at, 0, edit.byte);
    }
  }
  const end = truncateAt === undefined ? out.length : truncateAt % (out.length + 1);
  return Uint8Array.from(out.slice(0, end));
}
