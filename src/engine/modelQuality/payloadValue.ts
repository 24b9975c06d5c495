import { decodeBase64 } from '../io/base64';

/** A capture or ground-truth payload: `{data, encoding, observedContentType?}`. */
export interface Payload {
  data?: unknown;
  encoding?: unknown;
  observedContentType?: unknown;
}

/**
 * The value an attribute names in a payload. CSV: the attribute is a 0-based field index of the first
 * line; a name (the baseline's column) cannot address unnamed CSV fields, so it reads field 0. JSON: a key, dotted path or `$.a.b[0]` JSONPath; a bare scalar is its own value.
 * Returns undefined when the payload cannot be read or lacks the attribute.
 */
export function payloadValue(payload: Payload, attribute: string | undefined): unknown {
  const text = payloadText(payload);
  if (text === undefined) {
    return undefined;
  }
  if (isJson(payload)) {
    try {
      return pathValue(JSON.parse(text), attribute);
    } catch {
      return undefined;
    }
  }
  const fields = (text.split('\n')[0] ?? '').split(',');
  const index = attribute !== undefined && /^\d+$/.test(attribute) ? Number(attribute) : 0;
  return fields[index]?.trim();
}

function payloadText(payload: Payload): string | undefined {
  if (typeof payload.data !== 'string') {
    return undefined;
  }
  if (String(payload.encoding).toUpperCase() !== 'BASE64') {
    return payload.data;
  }
  const bytes = decodeBase64(payload.data);
  return bytes ? new TextDecoder().decode(bytes) : undefined;
}

function isJson(payload: Payload): boolean {
  const encoding = String(payload.encoding).toUpperCase();
  if (encoding === 'JSON') {
    return true;
  }
  return encoding === 'BASE64' && /json/i.test(String(payload.observedContentType ?? ''));
}

/** Follows a key/dotted/JSONPath attribute into a parsed JSON value. */
export function pathValue(value: unknown, attribute: string | undefined): unknown {
  if (attribute === undefined) {
    return Array.isArray(value) ? value[0] : value;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && attribute in value) {
    return (value as Record<string, unknown>)[attribute];
  }
  const steps = attribute
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter(step => step !== undefined && step !== '');
  let current = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
