/** Where a row came from: its record's line in the file, and a capture record's event id. */
export interface RowOrigin {
  line: number;
  eventId: string | null;
  /** The record's `eventMetadata` field a segmented run groups by (ReadContext.segmentMetadataKey). */
  segment?: string | null;
}

/**
 * The `eventMetadata` of a capture line that is not in the envelope's exact shape (undefined when
 * the line is not JSON or has none): only asked for when a reader keeps row origins.
 */
export function eventMetadataOfLine(line: string): unknown {
  try {
    return JSON.parse(line)?.eventMetadata;
  } catch {
    return undefined;
  }
}

/** A capture record's metadata field as segment text (strings as they are, other values as JSON). */
export function metadataText(metadata: unknown, key: string): string | null {
  if (metadata === null || typeof metadata !== 'object') {
    return null;
  }
  const value = (metadata as Record<string, unknown>)[key];
  if (value === undefined || value === null) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
