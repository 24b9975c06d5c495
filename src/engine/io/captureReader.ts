import { ColumnBatch } from './batch';
import { ChunkSource } from './chunks';
import { readCaptureScanned } from './captureScanReader';
import { CaptureTextRows } from './captureTextRows';
import { csvScanCore } from './csvScanReader';
import { RecordPreprocessor } from './preprocessor';
import { ReadContext } from './readContext';

export interface CaptureOptions {
  /** Baseline feature names: columns take them by position; beyond them (or without) `_c<i>`. */
  featureNames?: string[];
  preprocessor?: RecordPreprocessor;
  firstLine?: number;
  /** Rows of plain CSV payloads through the byte-level core, as scanned batches (see readCsv). */
  scanCells?: boolean;
}

/** Reads SageMaker capture JSON lines (FORMATS.md §1.1–1.2) into column batches. */
export function readCapture(
  source: ChunkSource,
  options: CaptureOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const text = new CaptureTextRows(ctx, options.featureNames, options.preprocessor);
  const firstLine = options.firstLine ?? 1;
  const core = options.scanCells && !options.preprocessor ? csvScanCore() : null;
  return core
    ? readCaptureScanned(source, text, core, ctx, firstLine)
    : text.readAll(source, firstLine);
}
