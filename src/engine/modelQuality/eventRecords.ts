import { labelFromProbability, QualityAttributes } from './attributes';
import { normalizeLabel } from './labels';
import { Payload, payloadValue } from './payloadValue';

export interface EventIds {
  eventId?: string;
  inferenceId?: string;
}

export interface CapturedPrediction extends EventIds {
  prediction: string;
  probability?: number;
}

export interface GroundTruthLabel extends EventIds {
  label: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

function idsOf(record: Record<string, unknown>): EventIds {
  const meta = (record.eventMetadata ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { eventId: text(meta.eventId), inferenceId: text(meta.inferenceId) };
}

function missing<T>(field: string, message: string): Parsed<T> {
  return { ok: false, field, message };
}

/** A ground-truth line: `{groundTruthData:{data,encoding}, eventMetadata:{eventId}}` (§1.3). */
export function parseGroundTruth(
  record: Record<string, unknown>,
  groundTruthAttribute: string | undefined
): Parsed<GroundTruthLabel> {
  const ids = idsOf(record);
  if (!ids.eventId && !ids.inferenceId) {
    return missing('eventMetadata.eventId', 'ground truth without an event id');
  }
  const data = record.groundTruthData as Payload | undefined;
  const label = data ? normalizeLabel(payloadValue(data, groundTruthAttribute)) : null;
  if (label === null) {
    return missing('groundTruthData.data', 'ground truth without a label');
  }
  return { ok: true, value: { ...ids, label } };
}

/** A capture line's prediction (and probability) from `captureData.endpointOutput`. */
export function parseCapturedPrediction(
  record: Record<string, unknown>,
  attributes: QualityAttributes
): Parsed<CapturedPrediction> {
  const ids = idsOf(record);
  if (!ids.eventId && !ids.inferenceId) {
    return missing('eventMetadata.eventId', 'capture without an event id');
  }
  const capture = (record.captureData ?? {}) as Record<string, Payload>;
  const output = capture.endpointOutput;
  if (!output) {
    return missing('captureData.endpointOutput', 'capture without an endpoint output');
  }
  const probability =
    attributes.probability !== undefined
      ? Number(payloadValue(output, attributes.probability))
      : undefined;
  if (probability !== undefined && !Number.isFinite(probability)) {
    return missing('captureData.endpointOutput', 'no numeric probability in the output');
  }
  const prediction =
    attributes.inference !== undefined || probability === undefined
      ? normalizeLabel(payloadValue(output, attributes.inference))
      : labelFromProbability(probability, attributes);
  if (prediction === null) {
    return missing('captureData.endpointOutput', 'no prediction in the output');
  }
  return { ok: true, value: { ...ids, prediction, probability } };
}
