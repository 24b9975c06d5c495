import type { ArrowInput } from './arrowReader';
import { ColumnBatch } from './batch';
import { readCapture } from './captureReader';
import { ChunkSource } from './chunks';
import { readCsv } from './csvReader';
import { DatasetFormat } from './datasetFormat';
import { readJsonLines } from './jsonLinesReader';
import { RecordPreprocessor } from './preprocessor';
import { ReadContext } from './readContext';

export interface DatasetReadOptions {
  format: DatasetFormat;
  /** CSV: the first record of each file is a header. */
  header?: boolean;
  /** CSV byte ranges after the first: the header read apart. */
  columnNames?: string[];
  /** Baseline feature names: headerless CSV and capture columns take them by position. */
  featureNames?: string[];
  preprocessor?: RecordPreprocessor;
  /** Line number of the first line of `source` (byte ranges start mid-file). */
  firstLine?: number;
  /** CSV: scanned batches from the byte-level core, for a consumer that reads each before the next. */
  scanCells?: boolean;
  /** Arrow: a random-access file handle, read instead of `source` (see readArrow). */
  arrowFileHandle?: unknown;
}

/**
 * Bytes per file chunk for readers that go through the byte-level core (CSV, and captures without
 * a preprocessor): its scans gather about this much, and smaller chunks cost a thread an idle
 * read round trip each (measured: 64 KiB chunks left a thread idle 14 % of a capture run). Text
 * readers keep the file streams' default, as larger chunks only keep more garbage there.
 */
export const SCANNED_CHUNK_BYTES = 1 << 20;

/** The chunk size `options` reads best with; undefined for the file stream's default. */
export function chunkBytesFor(options: DatasetReadOptions): number | undefined {
  const scanned =
    options.format === 'csv' ||
    (options.format === 'sagemaker_capture_json' && !options.preprocessor);
  return options.scanCells && scanned ? SCANNED_CHUNK_BYTES : undefined;
}

/** Reads one file (or byte range of one) of any supported format into column batches. */
export function readDataset(
  source: ChunkSource,
  options: DatasetReadOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  switch (options.format) {
    case 'csv':
      return readCsv(source, options, ctx);
    case 'json':
      return readJsonLines(source, options, ctx);
    case 'sagemaker_capture_json':
      return readCapture(source, options, ctx);
    case 'arrow':
      return readArrowWhenLoaded(
        options.arrowFileHandle ? { fileHandle: options.arrowFileHandle } : source,
        ctx
      );
  }
}

/**
 * The Arrow reader loaded on first use: apache-arrow is half of the CLI bundle, and setting it up
 * cost every run's start-up although only Arrow input needs it.
 */
async function* readArrowWhenLoaded(
  input: ArrowInput,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const { readArrow } = await import('./arrowReader');
  yield* readArrow(input, ctx);
}
