/** Where a row came from: its record's line in the file, and a capture record's event id. */
export interface RowOrigin {
  line: number;
  eventId: string | null;
  /** The record's `eventMetadata` field a segmented run groups by (ReadContext.segmentMetadataKey). */
  segment?: string | null;
}

/**
 * The event id of a capture line that is not in the envelope's exact shape (null when the line
 * is not JSON or has none): only asked for when a reader keeps row origins.
 */
export function eventIdOfLine(line: string): string | null {
  try {
    const id = JSON.parse(line)?.eventMetadata?.eventId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
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

/** The metadata field of a capture line not in the envelope's exact shape (null if none). */
export function metadataOfLine(line: string, key: string): string | null {
  try {
    return metadataText(JSON.parse(line)?.eventMetadata, key);
  } catch {
    return null;
  }
}
