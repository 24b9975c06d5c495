import { ColumnBatch } from './batch';
import { ChunkSource } from './chunks';
import { csvScanCore, readCsvScanned } from './csvScanReader';
import { readCsvText } from './csvTextReader';
import { ReadContext } from './readContext';

export interface CsvOptions {
  /** The first record holds column names (SageMaker's default is false). */
  header?: boolean;
  /** Names to use instead of a header or `_c0…` (a byte range of a file whose header was read apart). */
  columnNames?: string[];
  /** Headerless files: column i is named `featureNames[i]` (baseline names by position), else `_c<i>`. */
  featureNames?: string[];
  /** Line number of the first line in `source` (byte ranges of a big file start mid-file). */
  firstLine?: number;
  /**
   * Read quote-free UTF-8 lines with the byte-level core into scanned batches (for the profile,
   * which reads each batch before the next); other lines, and every line where WebAssembly is
   * unavailable, as text.
   */
  scanCells?: boolean;
  /** `source` continues a file read so far by the core: a BOM here is text, not a file's BOM. */
  continued?: boolean;
}

/**
 * Reads CSV into column batches. Records with a different number of fields than the header (or
 * than the first record) are dropped and reported as `column_count` with their line.
 */
export function readCsv(
  source: ChunkSource,
  options: CsvOptions,
  ctx: ReadContext
): AsyncGenerator<ColumnBatch> {
  const core = options.scanCells ? csvScanCore() : null;
  return core ? readCsvScanned(source, options, ctx, core) : readCsvText(source, options, ctx);
}
