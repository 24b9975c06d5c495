/**
 * The records behind a number: reads a run's input as the run read it (same readers, same
 * rejections) and hands on, in input order, each row whose feature cell the filter asks for, with
 * its file, line and event id. Streams: one batch at a time is held, whatever the input size.
 */
import { DiagnosticsCollector } from '../diagnostics';
import { ColumnBatch } from '../io/batch';
import { readDataset } from '../io/readDataset';
import { newCounts, ReadContext, RecordCounts } from '../io/readContext';
import { throwIfCancelled } from '../pipeline/profileInput';
import { TaskIO } from '../pipeline/profileTask';
import { ReadRunOptions } from '../pipeline/runOptions';
import { PipelineRuntime } from '../pipeline/runtime';
import { DataError, noInputFilesError } from '../errors';
import { CellFilter } from './recordFilter';

/** One matching row: where it is, and its cells by column name (text as read; null if missing). */
export interface MatchedRecord {
  file: string;
  line: number;
  eventId: string | null;
  cells: [string, string | null][];
}

export interface RecordQueryOptions extends ReadRunOptions {
  feature: string;
  /** Column names by position (headerless CSV, captures): the baseline's feature names. */
  featureNames: string[];
}

export interface RecordQueryCounts extends RecordCounts {
  matched: number;
}

/** Reads every part of the dataset in order; `onMatch` may wait (a file write) before reading on. */
export async function queryRecords(
  options: RecordQueryOptions,
  filter: CellFilter,
  runtime: PipelineRuntime,
  io: TaskIO,
  onMatch: (record: MatchedRecord) => void | Promise<void>
): Promise<RecordQueryCounts> {
  const settings = {
    format: options.format ?? null,
    header: !!options.header,
    featureNames: options.featureNames,
    maxFields: options.maxFields,
    maxRecordChars: options.maxRecordChars
  };
  const parts = await runtime.listParts(options.dataset, {
    window: options.window,
    split: false,
    settings,
    batchCapture: options.batchCapture
  });
  if (parts.length === 0) {
    throw noInputFilesError(options.dataset, !!options.window);
  }
  // The run's preprocessor makes its rows: the same rows, or the records would not be the run's.
  const preprocessor = options.preprocessorPath
    ? runtime.loadPreprocessor?.(options.preprocessorPath)
    : undefined;
  const counts: RecordQueryCounts = { ...newCounts(), matched: 0 };
  const bytesTotal = parts.reduce((sum, part) => sum + part.bytes, 0);
  let bytesRead = 0;
  for (const part of parts) {
    if (part.unreadable !== undefined) {
      continue;
    }
    const ctx: ReadContext = {
      file: part.file,
      diagnostics: new DiagnosticsCollector(),
      counts,
      batchSize: 256,
      signal: options.signal,
      maxFields: options.maxFields,
      maxRecordChars: options.maxRecordChars,
      keepOrigins: true
    };
    const format = settings.format ?? (await io.formatOf(part));
    if (format === 'arrow') {
      throw new DataError(`${part.file}: records of Arrow files cannot be listed by line`);
    }
    const source = io.open(part, bytes => {
      bytesRead += bytes;
      options.onProgress?.({ type: 'progress', bytesRead, bytesTotal, rows: counts.rows });
    });
    const batches = readDataset(
      source,
      {
        format,
        header: settings.header,
        featureNames: options.featureNames,
        preprocessor,
        firstLine: part.firstLine
      },
      ctx
    );
    for await (const batch of batches) {
      throwIfCancelled(options.signal);
      for (const record of matches(batch, options.feature, filter, part.file)) {
        counts.matched++;
        await onMatch(record);
      }
    }
  }
  return counts;
}

function* matches(
  batch: ColumnBatch,
  feature: string,
  filter: CellFilter,
  file: string
): Generator<MatchedRecord> {
  const index = batch.names.indexOf(feature);
  const texts = batch.columns.map(column => (column.kind === 'text' ? column.values : null));
  for (let row = 0; row < batch.rowCount; row++) {
    const text = index >= 0 ? (texts[index]?.[row] ?? null) : null;
    if (!filter(text)) {
      continue;
    }
    const origin = batch.origins?.[row];
    yield {
      file,
      line: origin?.line ?? 0,
      eventId: origin?.eventId ?? null,
      cells: batch.names.map((name, c) => [name, texts[c]?.[row] ?? null])
    };
  }
}
