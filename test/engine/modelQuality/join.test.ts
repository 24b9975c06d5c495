/** Ground truth read and joined to captures (FORMATS.md §1.3). */
import { DiagnosticsCollector } from '../../../src/engine/diagnostics';
import {
  EventFile,
  LabelJoin,
  readCaptureEvents,
  readGroundTruthEvents
} from '../../../src/engine/modelQuality';
import { jsonObjects } from '../../../src/engine/modelQuality/jsonObjects';
import { rechunk } from '../../../src/engine/io/chunks';
import { describeConformance, readConformance } from '../../helpers/conformance';

function file(name: string, text: string, chunk = 7): EventFile {
  return { name, chunks: () => rechunk(text, chunk) };
}

function capture(eventId: string, output: string, inferenceId?: string): string {
  const meta = inferenceId ? { eventId, inferenceId } : { eventId };
  return JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'text/csv',
        mode: 'INPUT',
        data: '1,2',
        encoding: 'CSV'
      },
      endpointOutput: {
        observedContentType: 'text/csv',
        mode: 'OUTPUT',
        data: output,
        encoding: 'CSV'
      }
    },
    eventMetadata: meta,
    eventVersion: '0'
  });
}

function label(eventId: string, data: string, encoding = 'CSV'): string {
  return JSON.stringify({
    groundTruthData: { data, encoding },
    eventMetadata: { eventId },
    eventVersion: '0'
  });
}

async function join(captures: string, labels: string, probability = true) {
  const joined = new LabelJoin(probability);
  const diagnostics = new DiagnosticsCollector();
  const attributes = probability ? { probability: '0' } : {};
  await readCaptureEvents([file('c.jsonl', captures)], joined, attributes, diagnostics);
  await readGroundTruthEvents([file('gt.jsonl', labels)], joined, undefined, diagnostics);
  return { ...joined.result(), diagnostics: diagnostics.summary() };
}

describeConformance('join of the SDK capture.jsonl with actuals.jsonl (by eventId)', () => {
  test('every capture finds its label', async () => {
    const { pairs, counts, diagnostics } = await join(
      readConformance('sagemaker-python-sdk/monitor/capture.jsonl'),
      readConformance('sagemaker-python-sdk/monitor/actuals.jsonl')
    );
    expect(counts).toMatchObject({ captures: 44, labels: 44, matched: 44 });
    expect(counts.unmatchedCaptures + counts.unmatchedLabels).toBe(0);
    expect(pairs.probability![0]).toBe(0.302709460258);
    expect(pairs.predicted[0]).toBe('0');
    expect(diagnostics.counts).toEqual({});
  });

  test('the spaced ground truth of amazon-sagemaker-examples test_gt (no final newline) reads', async () => {
    const text = readConformance(
      'amazon-sagemaker-examples/test_gt/01d3c1a8-aa99-4149-9d5e-78bea047a788.jsonl'
    );
    const { counts, pairs } = await join(
      capture('01d3c1a8-aa99-4149-9d5e-78bea047a788', '0.7'),
      text
    );
    expect(counts.matched).toBe(1);
    expect(pairs.actual).toEqual(['0']);
  });
});

describe('LabelJoin', () => {
  test('unmatched, duplicate and late records are counted on both sides', async () => {
    const captures = [
      capture('a', '0.9'),
      capture('b', '0.2'),
      capture('b', '0.3'),
      capture('c', '0.6')
    ];
    const labels = [label('a', '1'), label('a', '0'), label('x', '1'), label('b', '0')];
    const { counts, pairs } = await join(captures.join('\n'), labels.join('\n'));
    expect(counts).toEqual({
      captures: 4,
      labels: 4,
      matched: 2,
      unmatchedCaptures: 1,
      unmatchedLabels: 1,
      duplicateCaptures: 1,
      duplicateLabels: 1
    });
    expect(pairs).toEqual({ actual: ['1', '0'], predicted: ['1', '0'], probability: [0.9, 0.2] });
  });

  test('a capture with an inferenceId joins on it, not on its eventId', async () => {
    const { counts } = await join(
      capture('e1', '0.9', 'inf-1'),
      [label('e1', '1'), label('inf-1', '1')].join('\n')
    );
    expect(counts).toMatchObject({ matched: 1, unmatchedLabels: 1 });
  });

  test('JSON ground truth, pretty-printed objects and bad lines (reported, not fatal)', async () => {
    const pretty = JSON.stringify(JSON.parse(label('a', '"1.0"', 'JSON')), null, 2);
    const { counts, pairs, diagnostics } = await join(
      capture('a', '1'),
      `${pretty}\n{not json}\n{"groundTruthData":{"data":"1","encoding":"CSV"}}\n`,
      false
    );
    expect(counts.matched).toBe(1);
    expect(pairs.actual).toEqual(['1']);
    expect(diagnostics.counts).toEqual({ malformed_json: 1, missing_field: 1 });
  });

  test('a record holding invalid UTF-8 bytes is reported with its file and line, not joined', async () => {
    const [before, after] = label('b', 'INVALID').split('INVALID');
    const bytes = Buffer.concat([
      Buffer.from(`${label('a', '1')}\n${before}`),
      Buffer.from([0xff]),
      Buffer.from(`${after}\n`)
    ]);
    const joined = new LabelJoin(false);
    const diagnostics = new DiagnosticsCollector();
    const captures = `${capture('a', '1')}\n${capture('b', '1')}`;
    await readCaptureEvents([file('c.jsonl', captures)], joined, {}, diagnostics);
    const labels = { name: 'gt.jsonl', chunks: () => [new Uint8Array(bytes)] };
    await readGroundTruthEvents([labels], joined, undefined, diagnostics);
    expect(joined.result().counts).toMatchObject({ matched: 1, unmatchedCaptures: 1 });
    expect(diagnostics.summary().examples).toEqual([
      { kind: 'invalid_utf8', file: 'gt.jsonl', line: 2, message: 'invalid UTF-8 bytes' }
    ]);
  });

  test('jsonObjects splits on braces outside strings, at any chunk size', async () => {
    const text = '{"a":"}{"}\n  {"b":\n 2}';
    for (const size of [1, 3, 100]) {
      const found: string[] = [];
      for await (const object of jsonObjects(rechunk(text, size))) {
        found.push(object.text);
      }
      expect(found).toEqual(['{"a":"}{"}', '{"b":\n 2}']);
    }
  });
});
