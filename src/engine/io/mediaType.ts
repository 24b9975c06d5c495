/** The payload formats a capture's content type can name (FORMATS.md §1.1). */
export type PayloadFormat = 'csv' | 'json' | 'jsonlines';

/** Maps a content type to a payload format, case-insensitively and ignoring parameters; null if unknown. */
export function payloadFormatOf(contentType: string | null | undefined): PayloadFormat | null {
  if (!contentType) {
    return null;
  }
  const essence = contentType.split(';')[0].trim().toLowerCase();
  switch (essence) {
    case 'text/csv':
    case 'application/csv':
      return 'csv';
    case 'application/json':
    case 'text/json':
      return 'json';
    case 'application/jsonlines':
    case 'application/x-jsonlines':
    case 'application/jsonl':
    case 'application/x-ndjson':
      return 'jsonlines';
    default:
      return null;
  }
}
