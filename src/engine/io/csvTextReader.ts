import { ColumnBatch } from './batch';
import { ChunkSource, decodeText } from './chunks';
import type { CsvOptions } from './csvReader';
import { CsvParser, CsvRecord } from './csvParser';
import { headerNames } from './headerNames';
import { DataError } from '../errors';
import { fieldLimit, ReadContext, recordLimit, reject, throwIfAborted } from './readContext';
import { tooManyFields } from './readLimits';
import { RowBatcher } from './rowBatcher';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from './utf8';

/** Reads CSV into text column batches (see readCsv). */
export async function* readCsvText(
  source: ChunkSource,
  options: CsvOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  let names: string[] | null = options.columnNames ? [...options.columnNames] : null;
  const newBatcher = (columns: string[]): RowBatcher =>
    new RowBatcher(columns, ctx.batchSize, undefined, ctx.keepOrigins);
  let batcher: RowBatcher | null = names ? newBatcher(names) : null;
  let expectHeader = !!options.header && !names;
  const ready: ColumnBatch[] = [];
  // Fields are only searched for invalid bytes once a chunk held some.
  let sawInvalidUtf8 = false;

  const onRecord = (record: CsvRecord): void => {
    if (expectHeader) {
      expectHeader = false;
      checkCsvWidth(record.fields.length, record.line, ctx);
      names = headerNames(record.fields);
      batcher = newBatcher(names);
      return;
    }
    ctx.counts.records++;
    if (!batcher) {
      checkCsvWidth(record.fields.length, record.line, ctx);
      names = record.fields.map((_, i) => options.featureNames?.[i] ?? `_c${i}`);
      batcher = newBatcher(names);
    }
    const invalid = sawInvalidUtf8
      ? record.fields.findIndex(f => f !== null && hasInvalidUtf8(f))
      : -1;
    if (invalid >= 0) {
      reject(ctx, {
        kind: 'invalid_utf8',
        line: record.line,
        field: names?.[invalid],
        message: INVALID_UTF8_MESSAGE
      });
      return;
    }
    if (record.fields.length !== batcher.width) {
      reject(ctx, {
        kind: 'column_count',
        line: record.line,
        message: `expected ${batcher.width} fields, found ${record.fields.length}`
      });
      return;
    }
    ctx.counts.rows++;
    const batch = batcher.add(
      record.fields,
      ctx.keepOrigins ? { line: record.line, eventId: null } : undefined
    );
    if (batch) {
      ready.push(batch);
    }
  };
  const parser = new CsvParser(
    onRecord,
    problem => {
      ctx.counts.records++;
      reject(ctx, { kind: 'malformed_csv', line: problem.line, message: problem.message });
    },
    options.firstLine ?? 1,
    recordLimit(ctx)
  );

  for await (const text of decodeText(source, !options.continued)) {
    throwIfAborted(ctx);
    sawInvalidUtf8 ||= hasInvalidUtf8(text);
    parser.push(text);
    yield* ready.splice(0);
  }
  parser.end();
  yield* ready.splice(0);
  const last = (batcher as RowBatcher | null)?.flush();
  if (last) {
    yield last;
  }
}

/**
 * A CSV file's first line (its header, or its first row) sets the width of every row: past the
 * field limit the file cannot be read (its other rows would all be rejected), so reading stops.
 */
export function checkCsvWidth(fields: number, line: number, ctx: ReadContext): void {
  if (fields > fieldLimit(ctx)) {
    throw new DataError(`${ctx.file}:${line}: ${tooManyFields(fields, fieldLimit(ctx))}`);
  }
}
