import { DatasetFormat } from '../io/datasetFormat';
import { SegmentSpec } from '../profile/segmentSpec';

/** How a run reads its input: the same for every task and worker, so it must stay plain JSON. */
export interface ReadSettings {
  /** Null: detected per file. */
  format: DatasetFormat | null;
  header: boolean;
  featureNames?: string[];
  /** Path of a JS module exporting `preprocess_handler` (captures only). */
  preprocessorPath?: string;
  batchSize?: number;
  /** Fields a record may have (`--max-fields`); absent: DEFAULT_MAX_FIELDS. */
  maxFields?: number;
  /** Characters a record may have (`--max-record-chars`); absent: MAX_RECORD_CHARS. */
  maxRecordChars?: number;
  /** Also profile each segment of the rows (`--segment-by`); such runs read in one task. */
  segment?: SegmentSpec;
}
