/** The payload formats a capture's content type can name (FORMATS.md §1.1). */
export type PayloadFormat = 'csv' | 'json' | 'jsonlines';

/** Maps a content type to a payload format, case-insensitively and ignoring parameters; null if unknown. */
export function payloadFormatOf(contentType: string | null | undefined): PayloadFormat | null {
  if (!contentType) {
    return null;
  }
  // An endpoint's records name the same few types (input and output): remember the answers.
  let format = knownFormats.get(contentType);
  if (format === undefined) {
    format = formatOf(contentType);
    if (knownFormats.size >= KNOWN_FORMATS_LIMIT) {
      knownFormats.clear();
    }
    knownFormats.set(contentType, format);
  }
  return format;
}

const KNOWN_FORMATS_LIMIT = 64;
const knownFormats = new Map<string, PayloadFormat | null>();

function formatOf(contentType: string): PayloadFormat | null {
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
