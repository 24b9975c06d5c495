import { CapturePayload } from './capturePayload';

/**
 * A capture line in the exact shape SageMaker and our capture writer write (FORMATS.md §1.1):
 * compact JSON, keys in the real order, both sides, plain strings. The value equals what
 * `JSON.parse` gives for the line, key order included.
 */
export interface CaptureEnvelope {
  captureData: { endpointInput: CapturePayload; endpointOutput: CapturePayload };
  eventMetadata: { eventId: string; inferenceId?: string; inferenceTime: string };
  eventVersion: string;
}

// A JSON string without escapes: JSON.parse would return its characters unchanged.
const TEXT = String.raw`"([^"\\\u0000-\u001f]*)"`;
const TEXT_OR_NULL = String.raw`(?:"([^"\\\u0000-\u001f]*)"|null)`;
const PAYLOAD = String.raw`\{"observedContentType":${TEXT_OR_NULL},"mode":${TEXT},"data":${TEXT},"encoding":${TEXT}\}`;

/** Anchored at both ends: a line matches in full or not at all. No `u` flag: JSON strings are UTF-16. */
const ENVELOPE = new RegExp(
  String.raw`^\{"captureData":\{"endpointInput":${PAYLOAD},"endpointOutput":${PAYLOAD}\},` +
    String.raw`"eventMetadata":\{"eventId":${TEXT}(?:,"inferenceId":${TEXT})?,"inferenceTime":${TEXT}\},` +
    String.raw`"eventVersion":${TEXT}\}$`
);

const INPUT_GROUP = 1;
const OUTPUT_GROUP = 5;
const EVENT_ID_GROUP = 9;
const INFERENCE_ID_GROUP = 10;
const INFERENCE_TIME_GROUP = 11;
const EVENT_VERSION_GROUP = 12;

/**
 * The fast path for `JSON.parse(line)` of a capture line: the parsed record if the line has the
 * exact shape of {@link CaptureEnvelope}, else null and the caller parses it (escapes, spaces,
 * other key orders, extra or missing keys, one side only all go the slow way).
 */
export function scanCaptureEnvelope(line: string): CaptureEnvelope | null {
  const match = ENVELOPE.exec(line);
  if (match === null) {
    return null;
  }
  return {
    captureData: {
      endpointInput: payloadAt(match, INPUT_GROUP),
      endpointOutput: payloadAt(match, OUTPUT_GROUP)
    },
    eventMetadata: eventMetadataOf(match),
    eventVersion: match[EVENT_VERSION_GROUP]
  };
}

function payloadAt(match: RegExpExecArray, first: number): CapturePayload {
  return {
    observedContentType: match[first] ?? null,
    mode: match[first + 1],
    data: match[first + 2],
    encoding: match[first + 3]
  };
}

function eventMetadataOf(match: RegExpExecArray): CaptureEnvelope['eventMetadata'] {
  const eventId = match[EVENT_ID_GROUP];
  const inferenceId = match[INFERENCE_ID_GROUP];
  const inferenceTime = match[INFERENCE_TIME_GROUP];
  return inferenceId === undefined
    ? { eventId, inferenceTime }
    : { eventId, inferenceId, inferenceTime };
}
