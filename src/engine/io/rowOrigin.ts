/** Where a row came from: its record's line in the file, and a capture record's event id. */
export interface RowOrigin {
  line: number;
  eventId: string | null;
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
