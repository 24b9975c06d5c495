import { ColumnBatch } from './batch';
import { ChunkSource } from './chunks';
import { flatJsonRow } from './flatJsonRow';
import { KeyedBatcher, KeyedRow } from './keyedBatcher';
import { splitLines } from './lines';
import { cellText, isRawObject, JsonSyntaxError, parseRawJson } from './rawJson';
import { fieldLimit, lineLimit, ReadContext, reject, throwIfAborted } from './readContext';
import { tooManyFields } from './readLimits';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

export interface JsonLinesOptions {
  firstLine?: number;
}

/**
 * Reads JSON lines: one object per line, columns sorted by key, scalars as their JSON text.
 * Nested objects and arrays become their compact JSON text (a String cell). Blank lines are skipped.
 */
export async function* readJsonLines(
  source: ChunkSource,
  options: JsonLinesOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const batcher = new KeyedBatcher(ctx.batchSize, ctx.keepOrigins);
  // The keys of the last flat line (see flatJsonRow).
  const shape = { keys: [] as readonly string[] };
  for await (const run of splitLines(source, options.firstLine, lineLimit(ctx))) {
    throwIfAborted(ctx);
    for (let i = 0; i < run.lines.length; i++) {
      const line = run.firstLine + i;
      const row = parseLine(run.lines[i], line, ctx, shape);
      const batch = row
        ? batcher.add(row, ctx.keepOrigins ? { line, eventId: null } : undefined)
        : null;
      if (batch) {
        yield batch;
      }
    }
  }
  const last = batcher.flush();
  if (last) {
    yield last;
  }
}

function parseLine(
  line: string,
  lineNumber: number,
  ctx: ReadContext,
  shape: { keys: readonly string[] }
): KeyedRow | null {
  if (line.trim().length === 0) {
    return null;
  }
  ctx.counts.records++;
  if (hasInvalidUtf8(line)) {
    reject(ctx, { kind: 'invalid_utf8', line: lineNumber, message: INVALID_UTF8_MESSAGE });
    return null;
  }
  const flat = flatJsonRow(line, shape.keys);
  if (flat) {
    shape.keys = flat.keys;
  }
  const row = flat ?? generalRow(line, lineNumber, ctx);
  if (row === null) {
    return null;
  }
  if (row.keys.length > fieldLimit(ctx)) {
    const message = tooManyFields(row.keys.length, fieldLimit(ctx));
    reject(ctx, { kind: 'too_many_fields', line: lineNumber, message });
    return null;
  }
  ctx.counts.rows++;
  return row;
}

/** The row of any JSON line, or null when it is rejected (counted and reported). */
function generalRow(line: string, lineNumber: number, ctx: ReadContext): KeyedRow | null {
  let value;
  try {
    value = parseRawJson(line);
  } catch (error) {
    const message = error instanceof JsonSyntaxError ? error.message : String(error);
    reject(ctx, { kind: 'malformed_json', line: lineNumber, message });
    return null;
  }
  if (!isRawObject(value)) {
    reject(ctx, { kind: 'malformed_json', line: lineNumber, message: 'expected a JSON object' });
    return null;
  }
  const keys = Object.keys(value);
  return { keys, values: keys.map(key => cellText(value[key])) };
}
