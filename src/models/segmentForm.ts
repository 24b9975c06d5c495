/** The optional "Segments" settings of the schedule and build-baseline forms. */
import { TranslationBundle } from '@jupyterlab/translation';

import { DEFAULT_MAX_SEGMENTS, MAX_SEGMENTS } from '../api/limits';

export interface SegmentValues {
  /** A column name or eventMetadata.<key>; '' = not segmented. */
  segmentBy: string;
  maxSegments: number;
}

export type SegmentErrors = Partial<Record<keyof SegmentValues, string>>;

const MAX_NAME_CHARS = 200;
const METADATA_PREFIX = 'eventMetadata.';

export function emptySegmentValues(): SegmentValues {
  return { segmentBy: '', maxSegments: DEFAULT_MAX_SEGMENTS };
}

/** `{by, max_segments}` of the server's `segment`, or null when no column is given. */
export function toSegment(values: SegmentValues): { by: string; max_segments: number } | null {
  const by = values.segmentBy.trim();
  return by ? { by, max_segments: values.maxSegments } : null;
}

/** Checks the browser can make before the server checks them again. */
export function validateSegment(values: SegmentValues, trans: TranslationBundle): SegmentErrors {
  const by = values.segmentBy.trim();
  const errors: SegmentErrors = {};
  if (!by) {
    return errors;
  }
  if (by.length > MAX_NAME_CHARS) {
    errors.segmentBy = trans.__('A column name of at most %1 characters.', MAX_NAME_CHARS);
  } else if (by === METADATA_PREFIX) {
    errors.segmentBy = trans.__('Name the metadata key, e.g. eventMetadata.region.');
  }
  const count = values.maxSegments;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEGMENTS) {
    errors.maxSegments = trans.__('1 to %1 segments.', MAX_SEGMENTS);
  }
  return errors;
}
