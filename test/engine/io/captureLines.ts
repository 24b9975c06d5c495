import fc from 'fast-check';

/**
 * Capture lines for the envelope tests: `canonicalLine` writes the exact shape SageMaker writes;
 * `anyCaptureLine` writes the same records with the liberties JSON and readers allow (key order,
 * spaces, escapes, extra or missing keys, other value types).
 */

export interface Side {
  observedContentType: string | null;
  mode: string;
  data: string;
  encoding: string;
}

export interface CaptureFields {
  input: Side;
  output: Side;
  eventId: string;
  inferenceId: string | null;
  inferenceTime: string;
  eventVersion: string;
}

/** Strings that need escapes, control characters, quotes, non-ASCII and lone surrogates. */
const awkwardText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '"',
    '\\',
    '\n',
    '\t',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\ud800',
    '{%s}'
  )
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const json = fc.jsonValue() as fc.Arbitrary<Json>;

const csvData = fc
  .array(
    fc.array(fc.oneof(fc.double().map(String), fc.constantFrom('', 'a', 'b c')), { maxLength: 6 }),
    {
      minLength: 1,
      maxLength: 3
    }
  )
  .map(rows => rows.map(row => row.join(',')).join('\n'));

const jsonData = fc.jsonValue().map(value => JSON.stringify(value));

const base64Data = fc
  .uint8Array({ maxLength: 40 })
  .map(bytes => Buffer.from(bytes).toString('base64'));

export const payloadData = fc.oneof(csvData, jsonData, base64Data, awkwardText);

const side = (mode: string) =>
  fc.record({
    observedContentType: fc.oneof(
      fc.constantFrom(
        'text/csv',
        'text/csv; charset=utf-8',
        'application/json',
        'application/jsonlines',
        ''
      ),
      fc.constant(null),
      awkwardText
    ),
    mode: fc.oneof(fc.constant(mode), awkwardText),
    data: payloadData,
    encoding: fc.oneof(fc.constantFrom('CSV', 'JSON', 'BASE64', 'csv', ''), awkwardText)
  });

export const captureRecord: fc.Arbitrary<CaptureFields> = fc.record({
  input: side('INPUT'),
  output: side('OUTPUT'),
  eventId: fc.oneof(fc.uuid(), awkwardText),
  inferenceId: fc.option(fc.oneof(fc.uuid(), awkwardText)),
  inferenceTime: fc.oneof(fc.constantFrom('2024-05-01T00:00:00Z', '{%s}'), awkwardText),
  eventVersion: fc.oneof(fc.constant('0'), awkwardText)
});

/** The record as plain objects, keys in SageMaker's order. */
export function recordObject(record: CaptureFields): object {
  const metadata: { [key: string]: string } = { eventId: record.eventId };
  if (record.inferenceId !== null) {
    metadata.inferenceId = record.inferenceId;
  }
  metadata.inferenceTime = record.inferenceTime;
  return {
    captureData: { endpointInput: { ...record.input }, endpointOutput: { ...record.output } },
    eventMetadata: metadata,
    eventVersion: record.eventVersion
  };
}

/** The line exactly as SageMaker writes it (compact JSON, real key order). */
export function canonicalLine(record: CaptureFields): string {
  return JSON.stringify(recordObject(record));
}

/** What may happen to one object when another writer writes it out. */
interface Liberties {
  shuffle: number[];
  drop: number | null;
  extra: [string, Json] | null;
  retype: [number, Json] | null;
  escape: boolean;
  space: string;
}

const liberties: fc.Arbitrary<Liberties> = fc.record({
  shuffle: fc.array(fc.nat(), { maxLength: 5 }),
  drop: fc.option(fc.nat(), { freq: 4 }),
  extra: fc.option(fc.tuple(fc.constantFrom('customAttributes', 'mode', 'x', ''), json), {
    freq: 4
  }),
  retype: fc.option(fc.tuple(fc.nat(), json), { freq: 4 }),
  escape: fc.boolean(),
  space: fc.constantFrom('', '', '', ' ', '\t', '\n  ', '\r')
});

/**
 * Writes a JSON value as another writer might: keys moved, dropped or added, spaces, escapes;
 * `rules[d]` applies at depth d, deeper values are written compactly.
 */
function looseJson(value: Json, rules: Liberties[], depth = 0): string {
  const rule = rules[depth];
  if (rule === undefined) {
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    return rule.escape ? escapeAll(value) : JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return JSON.stringify(value);
  }
  const s = rule.space;
  const body = changedEntries(Object.entries(value), rule).map(
    ([k, v]) => `${s}${JSON.stringify(k)}${s}:${s}${looseJson(v, rules, depth + 1)}`
  );
  return `{${body.join(',')}${s}}`;
}

function changedEntries(entries: [string, Json][], rule: Liberties): [string, Json][] {
  const out = [...entries];
  if (out.length === 0) {
    return rule.extra === null ? out : [rule.extra];
  }
  for (const j of rule.shuffle) {
    const k = j % out.length;
    [out[0], out[k]] = [out[k], out[0]];
  }
  if (rule.retype !== null) {
    const k = rule.retype[0] % out.length;
    out[k] = [out[k][0], rule.retype[1]];
  }
  if (rule.drop !== null) {
    out.splice(rule.drop % out.length, 1);
  }
  if (rule.extra !== null) {
    out.splice(Math.min(rule.drop ?? 0, out.length), 0, rule.extra);
  }
  return out;
}

/** A JSON string with every character written as `\uXXXX` (same value, other text). */
function escapeAll(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    out += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * A capture line written by any writer. An empty list of liberties keeps the canonical form, so
 * a share of the lines still takes the fast path.
 */
export const anyCaptureLine: fc.Arbitrary<string> = fc
  .tuple(captureRecord, fc.array(liberties, { maxLength: 4 }), fc.constantFrom('', ' ', '\t'))
  .map(([record, rules, padding]) => {
    const line =
      rules.length === 0 ? canonicalLine(record) : looseJson(recordObject(record) as Json, rules);
    return `${line}${padding}`;
  });
