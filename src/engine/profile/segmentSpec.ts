/** What a segmented run groups its rows by, and how many segments of their own it keeps. */
export interface SegmentSpec {
  /** A column name, or `eventMetadata.<key>` for a capture record's metadata field. */
  by: string;
  maxSegments: number;
}

export const DEFAULT_MAX_SEGMENTS = 20;
export const MAX_SEGMENTS_LIMIT = 1000;
const METADATA_PREFIX = 'eventMetadata.';

/** The capture metadata key a spec segments by; undefined when it names a column. */
export function metadataKeyOf(spec: SegmentSpec): string | undefined {
  return spec.by.startsWith(METADATA_PREFIX) ? spec.by.slice(METADATA_PREFIX.length) : undefined;
}
