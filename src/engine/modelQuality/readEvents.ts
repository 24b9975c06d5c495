import { DiagnosticsCollector } from '../diagnostics';
import { ChunkSource } from '../io/chunks';
import { hasInvalidUtf8, INVALID_UTF8_MESSAGE } from '../io/utf8';
import { QualityAttributes } from './attributes';
import { parseCapturedPrediction, parseGroundTruth } from './eventRecords';
import { jsonObjects } from './jsonObjects';
import { LabelJoin } from './labelJoin';

/** One input file of captures or ground truth, already opened as chunks. */
export interface EventFile {
  name: string;
  chunks: () => ChunkSource;
}

type RecordHandler = (
  record: Record<string, unknown>
) => { ok: true } | { ok: false; field: string; message: string };

async function readRecords(
  file: EventFile,
  diagnostics: DiagnosticsCollector,
  handle: RecordHandler
): Promise<void> {
  for await (const { text, line } of jsonObjects(file.chunks())) {
    if (hasInvalidUtf8(text)) {
      diagnostics.report({
        kind: 'invalid_utf8',
        file: file.name,
        line,
        message: INVALID_UTF8_MESSAGE
      });
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      diagnostics.report({ kind: 'malformed_json', file: file.name, line, message });
      continue;
    }
    const result =
      record !== null && typeof record === 'object'
        ? handle(record as Record<string, unknown>)
        : { ok: false as const, field: '', message: 'not a JSON object' };
    if (!result.ok) {
      diagnostics.report({ kind: 'missing_field', file: file.name, line, ...result });
    }
  }
}

/** Streams capture files into the join's table. */
export async function readCaptureEvents(
  files: EventFile[],
  join: LabelJoin,
  attributes: QualityAttributes,
  diagnostics: DiagnosticsCollector
): Promise<void> {
  for (const file of files) {
    await readRecords(file, diagnostics, record => {
      const parsed = parseCapturedPrediction(record, attributes);
      if (parsed.ok) {
        join.addCapture(parsed.value);
      }
      return parsed;
    });
  }
}

/** Streams ground-truth files past the join. */
export async function readGroundTruthEvents(
  files: EventFile[],
  join: LabelJoin,
  groundTruthAttribute: string | undefined,
  diagnostics: DiagnosticsCollector
): Promise<void> {
  for (const file of files) {
    await readRecords(file, diagnostics, record => {
      const parsed = parseGroundTruth(record, groundTruthAttribute);
      if (parsed.ok) {
        join.addLabel(parsed.value);
      }
      return parsed;
    });
  }
}
