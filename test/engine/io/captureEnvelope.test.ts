import fc from 'fast-check';
import * as fs from 'fs';
import { scanCaptureEnvelope } from '../../../src/engine/io/captureEnvelope';
import { conformancePath, describeConformance } from '../../helpers/conformance';
import { anyCaptureLine, canonicalLine, captureRecord, CaptureFields } from './captureLines';

const LINE =
  '{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":"1,2,3",' +
  '"encoding":"CSV"},"endpointOutput":{"observedContentType":"text/csv; charset=utf-8","mode":"OUTPUT",' +
  '"data":"0.5","encoding":"CSV"}},"eventMetadata":{"eventId":"e1","inferenceTime":"2024-01-01T00:00:00Z"},' +
  '"eventVersion":"0"}';

/** The contract: the fast path declines, or gives what JSON.parse gives, key order included. */
function expectDeclinedOrParsed(line: string): boolean {
  const scanned = scanCaptureEnvelope(line);
  if (scanned === null) {
    return false;
  }
  const parsed = JSON.parse(line);
  expect(scanned).toEqual(parsed);
  expect(JSON.stringify(scanned)).toBe(JSON.stringify(parsed));
  return true;
}

/** JSON.stringify escapes `"`, `\\`, control characters and lone surrogates. */
const noEscapes = (text: string) => JSON.stringify(text) === `"${text}"`;

function escapeFree(record: CaptureFields): boolean {
  const texts = [
    record.eventId,
    record.inferenceId ?? '',
    record.inferenceTime,
    record.eventVersion
  ];
  for (const side of [record.input, record.output]) {
    texts.push(side.observedContentType ?? '', side.mode, side.data, side.encoding);
  }
  return texts.every(noEscapes);
}

describe('scanCaptureEnvelope accepts the exact SageMaker shape', () => {
  it('reads every field of a compact line', () => {
    expect(scanCaptureEnvelope(LINE)).toEqual({
      captureData: {
        endpointInput: {
          observedContentType: 'text/csv',
          mode: 'INPUT',
          data: '1,2,3',
          encoding: 'CSV'
        },
        endpointOutput: {
          observedContentType: 'text/csv; charset=utf-8',
          mode: 'OUTPUT',
          data: '0.5',
          encoding: 'CSV'
        }
      },
      eventMetadata: { eventId: 'e1', inferenceTime: '2024-01-01T00:00:00Z' },
      eventVersion: '0'
    });
  });

  test.each([
    ['an inferenceId', LINE.replace('"e1",', '"e1","inferenceId":"req-7",')],
    ['a null content type', LINE.replace('"text/csv",', 'null,')],
    ['empty strings', LINE.replace('"1,2,3"', '""').replace('"CSV"', '""')],
    ['the SDK template time', LINE.replace('2024-01-01T00:00:00Z', '{%s}')],
    ['non-ASCII text and DEL', LINE.replace('1,2,3', 'é,日本,\u007f,😀')],
    ['a raw lone surrogate (JSON.parse keeps it too)', LINE.replace('e1', '\ud800')],
    ['a base64 payload', LINE.replace('"1,2,3"', '"MSwyLDM="').replace('"CSV"', '"BASE64"')],
    ['an unknown encoding', LINE.replace('"CSV"', '"XML"')]
  ])('with %s', (_name, line) => {
    expect(expectDeclinedOrParsed(line)).toBe(true);
  });
});

describe('scanCaptureEnvelope declines every other line', () => {
  test.each([
    ['an escaped quote', LINE.replace('1,2,3', '{\\"a\\": 1}')],
    ['an escaped newline', LINE.replace('1,2,3', '1,2,3\\n4,5,6\\n')],
    ['a unicode escape', LINE.replace('e1', '\\u00e9')],
    ['an escaped slash', LINE.replace('text/csv"', 'text\\/csv"')],
    ['a raw tab (invalid JSON)', LINE.replace('1,2,3', '1\t2')],
    ['a space after a colon', LINE.replace('"mode":"INPUT"', '"mode": "INPUT"')],
    ['a trailing space', `${LINE} `],
    ['a leading byte order mark', `\ufeff${LINE}`],
    ['the SDK key order', reorderedTopLevel(LINE)],
    ['an extra payload key', LINE.replace('"encoding":"CSV"}', '"encoding":"CSV","x":1}')],
    ['customAttributes', LINE.replace('"e1",', '"e1","customAttributes":"a=b",')],
    ['no mode', LINE.replace('"mode":"INPUT",', '')],
    ['no inferenceTime', LINE.replace(',"inferenceTime":"2024-01-01T00:00:00Z"', '')],
    ['one side only', LINE.replace(/,"endpointOutput":\{[^}]*\}/, '')],
    ['a number for eventVersion', LINE.replace('"eventVersion":"0"', '"eventVersion":0')],
    ['null data', LINE.replace('"1,2,3"', 'null')],
    ['a truncated line', LINE.slice(0, LINE.length / 2)],
    ['a trailing brace', `${LINE}}`],
    ['a duplicate key', LINE.replace('"eventVersion":"0"', '"eventVersion":"0","eventVersion":"1"')]
  ])('with %s', (_name, line) => {
    expect(scanCaptureEnvelope(line)).toBeNull();
  });
});

describeConformance('scanCaptureEnvelope on real capture files', () => {
  const lines = (file: string) =>
    fs
      .readFileSync(conformancePath(file), 'utf8')
      .split('\n')
      .filter(line => line.length > 0);

  it('takes the real CSV captures', () => {
    const file = 'amazon-sagemaker-examples/capture_excerpts/csv_churn_xgboost.jsonl';
    expect(lines(file).map(expectDeclinedOrParsed)).toEqual([true, true, true]);
  });

  it('declines JSON payloads with escapes and the SDK template order', () => {
    for (const file of [
      'sagemaker-python-sdk/monitor/captured-data.jsonl',
      'sagemaker-python-sdk/monitor/capture.jsonl',
      'amazon-sagemaker-examples/capture_excerpts/jsonlines_adult.jsonl'
    ]) {
      expect(lines(file).some(expectDeclinedOrParsed)).toBe(false);
    }
  });
});

describe('scanCaptureEnvelope = JSON.parse where it accepts (property)', () => {
  it('takes every canonical line whose strings need no escapes', () => {
    fc.assert(
      fc.property(captureRecord.filter(escapeFree), record => {
        expect(expectDeclinedOrParsed(canonicalLine(record))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('declines or agrees on lines of any writer', () => {
    let taken = 0;
    let declined = 0;
    fc.assert(
      fc.property(anyCaptureLine, line => {
        if (expectDeclinedOrParsed(line)) {
          taken++;
        } else {
          declined++;
        }
      }),
      { numRuns: 2000 }
    );
    expect(taken).toBeGreaterThan(0);
    expect(declined).toBeGreaterThan(0);
  });

  it('never takes a broken line: one character inserted, removed or replaced', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('insert', 'remove', 'replace'),
      fc.constantFrom('"', '\\', '{', '}', ':', ',', ' ', '\n', '\u0000', 'n', '0', 'é')
    );
    fc.assert(
      fc.property(captureRecord.filter(escapeFree), edit, (record, [at, how, char]) => {
        const line = canonicalLine(record);
        const i = at % (line.length + 1);
        const cut = how === 'insert' ? i : i + 1;
        const edited = line.slice(0, i) + (how === 'remove' ? '' : char) + line.slice(cut);
        let valid = true;
        try {
          JSON.parse(edited);
        } catch {
          valid = false;
        }
        if (!valid) {
          expect(scanCaptureEnvelope(edited)).toBeNull();
        } else {
          expectDeclinedOrParsed(edited);
        }
      }),
      { numRuns: 2000 }
    );
  });
});

/** The SDK template's top-level order: eventMetadata, eventVersion, captureData. */
function reorderedTopLevel(line: string): string {
  const record = JSON.parse(line);
  return JSON.stringify({
    eventMetadata: record.eventMetadata,
    eventVersion: record.eventVersion,
    captureData: record.captureData
  });
}
