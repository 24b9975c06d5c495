import { DiagnosticsCollector, DiagnosticsSummary } from '../diagnostics';
import { ChunkSource, closeChunks } from '../io/chunks';
import { DatasetFormat } from '../io/datasetFormat';
import { RecordPreprocessor } from '../io/preprocessor';
import { chunkBytesFor, DatasetReadOptions, readDataset } from '../io/readDataset';
import { DEFAULT_MAX_FIELDS, RecordTooLongError } from '../io/readLimits';
import { ColumnBatch } from '../io/batch';
import { batchSizeFor, newCounts, ReadContext, RecordCounts } from '../io/readContext';
import { DatasetProfile } from '../profile/datasetProfile';
import { SegmentProfiles } from '../profile/segmentProfiles';
import { metadataKeyOf } from '../profile/segmentSpec';
import { DataError, UsageError } from '../errors';
import { InputPart, ProfileTask } from './parts';
import { ReadSettings } from './readSettings';

/** What one task gives back; a worker sends it with the profile as JSON. */
export interface TaskResult<P = DatasetProfile> {
  index: number;
  profile: P;
  counts: RecordCounts;
  diagnostics: DiagnosticsSummary;
  /** Formats of the files read, each once. */
  formats: DatasetFormat[];
  /** Each segment's profile, when the run is segmented (ReadSettings.segment). */
  segments?: SegmentProfiles;
}

/** The I/O a task needs: bytes of a part (reporting bytes read) and the format of a file. */
export interface TaskIO {
  /** `chunkBytes`: the chunk size the reader prefers (see chunkBytesFor); a hint. */
  open(part: InputPart, onBytes: (bytes: number) => void, chunkBytes?: number): ChunkSource;
  formatOf(part: InputPart): Promise<DatasetFormat>;
  /** Random access to a whole file, for the Arrow IPC file format. */
  openFileHandle?(part: InputPart): Promise<{ handle: unknown; close(): Promise<void> }>;
}

export interface TaskHooks {
  onProgress?: (bytesRead: number, rows: number) => void;
  signal?: AbortSignal;
  preprocessor?: RecordPreprocessor;
  /**
   * Kept by a worker across the tasks of one run (all merged into one profile): columns found to
   * need no value lookups start without them in the next task, and this task adds its own.
   */
  skipValueCountsOf?: Set<string>;
}

/** Profiles a task's parts, in order, into one profile. */
export async function runProfileTask(
  task: ProfileTask,
  settings: ReadSettings,
  io: TaskIO,
  hooks: TaskHooks = {}
): Promise<TaskResult> {
  const profile = new DatasetProfile({ skipValueCountsOf: hooks.skipValueCountsOf });
  const segments = settings.segment ? new SegmentProfiles(settings.segment) : undefined;
  const metadataKey = settings.segment ? metadataKeyOf(settings.segment) : undefined;
  const diagnostics = new DiagnosticsCollector();
  const counts = newCounts();
  const formats = new Set<DatasetFormat>();
  let bytesRead = 0;
  for (const part of task.parts) {
    if (part.unreadable !== undefined) {
      diagnostics.report({
        kind: 'unreadable_file',
        file: part.file,
        line: 0,
        message: part.unreadable
      });
      continue;
    }
    const format = settings.format ?? (await io.formatOf(part));
    formats.add(format);
    const ctx: ReadContext = {
      file: part.file,
      diagnostics,
      counts,
      batchSize: settings.batchSize ?? batchSizeFor(format),
      signal: hooks.signal,
      maxFields: settings.maxFields,
      maxRecordChars: settings.maxRecordChars,
      keepOrigins: metadataKey !== undefined,
      segmentMetadataKey: metadataKey
    };
    if (part.start === undefined && part.bytes === 0) {
      diagnostics.report({
        kind: 'empty_input',
        file: part.file,
        line: 0,
        message: 'file is empty'
      });
    }
    if (hooks.preprocessor && format !== 'sagemaker_capture_json') {
      // SageMaker's preprocessors get capture records; another format's would be skipped silently.
      throw new UsageError(`--preprocessor reads SageMaker captures: ${part.file} is ${format}`);
    }
    if (metadataKey !== undefined && format !== 'sagemaker_capture_json') {
      throw new UsageError(
        `--segment-by ${settings.segment!.by} reads SageMaker captures: ${part.file} is ${format}`
      );
    }
    const handle =
      format === 'arrow' && part.start === undefined ? await io.openFileHandle?.(part) : undefined;
    const readOptions: DatasetReadOptions = {
      format,
      header: settings.header,
      columnNames: part.columnNames,
      featureNames: settings.featureNames,
      preprocessor: hooks.preprocessor,
      firstLine: part.firstLine,
      // Segments take rows apart; the core's scanned cells are views it reuses.
      scanCells: !segments,
      arrowFileHandle: handle?.handle
    };
    const source = io.open(
      part,
      bytes => {
        bytesRead += bytes;
      },
      chunkBytesFor(readOptions)
    );
    try {
      const batches = readDataset(source, readOptions, ctx);
      for await (const batch of batches) {
        checkColumnCount(profile, batch, part.file, settings.maxFields ?? DEFAULT_MAX_FIELDS);
        profile.add(batch);
        segments?.add(batch);
        hooks.onProgress?.(bytesRead, counts.rows);
      }
    } catch (error) {
      // What was read before the failure still goes to diagnostics.json.
      const report = { counts, diagnostics: diagnostics.summary() };
      if (error instanceof RecordTooLongError) {
        throw new DataError(`${part.file}: ${error.message}`, report);
      }
      throw error instanceof DataError && !error.report
        ? new DataError(error.message, report)
        : error;
    } finally {
      await handle?.close();
      await closeChunks(source);
    }
    if (handle) {
      bytesRead += part.bytes;
    }
    hooks.onProgress?.(bytesRead, counts.rows);
  }
  profile.columnsSkippingValueCounts().forEach(name => hooks.skipValueCountsOf?.add(name));
  return {
    index: task.index,
    profile,
    counts,
    diagnostics: diagnostics.summary(),
    formats: [...formats],
    segments
  };
}

/**
 * The readers keep each record within the field limit; records with different keys (JSON lines,
 * JSON payloads) can still add up to more columns, each with its profile state: reading stops.
 */
function checkColumnCount(
  profile: DatasetProfile,
  batch: ColumnBatch,
  file: string,
  limit: number
): void {
  const count = profile.columnCountWith(batch.names);
  if (count > limit) {
    throw new DataError(
      `${file}: its records add up to ${count} columns, more than the limit of ${limit} (--max-fields)`
    );
  }
}
