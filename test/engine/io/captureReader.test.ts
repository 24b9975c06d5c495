import * as fs from 'fs';
import { handlerPreprocessor } from '../../../src/engine/io/preprocessor';
import { readCapture } from '../../../src/engine/io/captureReader';
import { conformancePath, describeConformance } from '../../helpers/conformance';
import { bytesOf, collect, context, rowsOf } from './readHelpers';

function capture(
  input?: object,
  output?: object,
  metadata: object = { eventId: 'e1', inferenceTime: '2024-01-01T00:00:00Z' }
): string {
  const captureData: Record<string, object> = {};
  if (input) {
    captureData.endpointInput = { mode: 'INPUT', ...input };
  }
  if (output) {
    captureData.endpointOutput = { mode: 'OUTPUT', ...output };
  }
  return JSON.stringify({ captureData, eventMetadata: metadata, eventVersion: '0' });
}

const csv = (data: string) => ({ observedContentType: 'text/csv', data, encoding: 'CSV' });
const json = (data: unknown, type = 'application/json') => ({
  observedContentType: type,
  data: JSON.stringify(data),
  encoding: 'JSON'
});
const b64 = (text: string, type: string) => ({
  observedContentType: type,
  data: Buffer.from(text).toString('base64'),
  encoding: 'BASE64'
});

async function read(lines: string[], options = {}, ctx = context('cap.jsonl', 100)) {
  return { rows: rowsOf(await collect(readCapture([lines.join('\n')], options, ctx))), ctx };
}

describe('readCapture', () => {
  it('rejects a record whose observedContentType is not a string, naming line and field', async () => {
    const lines = [
      capture(csv('1,2'), csv('0')),
      capture({ ...csv('3,4'), observedContentType: 5 }, csv('1')),
      capture(csv('5,6'), { ...csv('2'), observedContentType: ['text/csv'] })
    ];
    const { rows, ctx } = await read(lines);
    expect(rows).toEqual([{ _c0: '0', _c1: '1', _c2: '2' }]);
    expect(ctx.counts).toEqual({ records: 3, rejected: 2, rows: 1 });
    expect(ctx.diagnostics.summary().examples).toEqual([
      expect.objectContaining({
        kind: 'unsupported_content_type',
        line: 2,
        field: 'captureData.endpointInput.observedContentType',
        message: 'observedContentType is 5, not a string'
      }),
      expect.objectContaining({
        line: 3,
        field: 'captureData.endpointOutput.observedContentType'
      })
    ]);
  });

  it('puts output columns first, then input columns', async () => {
    const { rows } = await read([capture(csv('1,2,3'), csv('0.5'))]);
    expect(rows).toEqual([{ _c0: '0.5', _c1: '1', _c2: '2', _c3: '3' }]);
  });

  it('names columns by baseline feature names by position', async () => {
    const { rows } = await read([capture(csv('1,2'), csv('0.5'))], {
      featureNames: ['label', 'a']
    });
    expect(rows).toEqual([{ label: '0.5', a: '1', _c2: '2' }]);
  });

  it('pairs input line i with output line i of multi-line payloads', async () => {
    const { rows, ctx } = await read([capture(csv('1,2\n3,4\n'), csv('0.1\n0.2\n'))]);
    expect(rows).toEqual([
      { _c0: '0.1', _c1: '1', _c2: '2' },
      { _c0: '0.2', _c1: '3', _c2: '4' }
    ]);
    expect(ctx.counts).toEqual({ records: 1, rejected: 0, rows: 2 });
  });

  it('flattens JSON objects with sorted keys, and reads instances/predictions lists as rows', async () => {
    const { rows } = await read([
      capture(
        json({
          instances: [
            { z: 1, a: [2, 3] },
            { z: 4, a: [5, 6] }
          ]
        }),
        json({
          predictions: [
            { score: 0.9, label: 1 },
            { score: 0.1, label: 0 }
          ]
        })
      )
    ]);
    expect(rows).toEqual([
      { _c0: '1', _c1: '0.9', _c2: '2', _c3: '3', _c4: '1' },
      { _c0: '0', _c1: '0.1', _c2: '5', _c3: '6', _c4: '4' }
    ]);
  });

  it('reads application/jsonlines payloads line by line', async () => {
    const input = {
      observedContentType: 'application/jsonlines',
      data: '{"f":[1,2]}\n{"f":[3,4]}',
      encoding: 'JSON'
    };
    const output = {
      observedContentType: 'application/jsonlines',
      data: '{"p":1}\n{"p":0}\n',
      encoding: 'JSON'
    };
    const { rows } = await read([capture(input, output)]);
    expect(rows).toEqual([
      { _c0: '1', _c1: '1', _c2: '2' },
      { _c0: '0', _c1: '3', _c2: '4' }
    ]);
  });

  it('reads application/json data holding several lines of JSON as JSON lines', async () => {
    const input = {
      observedContentType: 'application/json',
      data: '{"a":1}\n{"a":2}',
      encoding: 'JSON'
    };
    const { rows, ctx } = await read([capture(input)]);
    expect(rows).toEqual([{ _c0: '1' }, { _c0: '2' }]);
    expect(ctx.counts.rejected).toBe(0);
  });

  it('decodes BASE64 payloads by content type', async () => {
    const { rows } = await read([
      capture(b64('7,8', 'text/csv; charset=utf-8'), b64('{"s":1.0}', 'application/json'))
    ]);
    expect(rows).toEqual([{ _c0: '1.0', _c1: '7', _c2: '8' }]);
  });

  it('reports every bad record with its line and field, and counts the good ones around them', async () => {
    const good = capture(csv('1'), csv('0'));
    const lines = [
      good,
      '{"captureData": {',
      JSON.stringify({ eventMetadata: {} }),
      capture({ observedContentType: 'text/csv', data: '1', encoding: 'XML' }, csv('0')),
      capture(b64('1', 'text/csv'), {
        observedContentType: 'text/csv',
        data: '%%%',
        encoding: 'BASE64'
      }),
      capture(b64('1', 'image/png'), csv('0')),
      capture(
        { observedContentType: 'application/json', data: '{"a":', encoding: 'JSON' },
        csv('0')
      ),
      capture(csv('1\n2'), csv('0')),
      capture({ observedContentType: 'text/csv', encoding: 'CSV' }, csv('0')),
      capture({
        observedContentType: 'text/csv',
        data: Buffer.from([0xff, 0xfe]).toString('base64'),
        encoding: 'BASE64'
      }),
      good
    ];
    const { rows, ctx } = await read(lines);
    expect(rows).toHaveLength(2);
    expect(ctx.counts).toEqual({ records: 11, rejected: 9, rows: 2 });
    const found = ctx.diagnostics.summary().examples.map(d => [d.line, d.kind, d.field]);
    expect(found).toEqual([
      [2, 'malformed_json', undefined],
      [3, 'missing_field', 'captureData'],
      [4, 'unknown_encoding', 'captureData.endpointInput.encoding'],
      [5, 'bad_base64', 'captureData.endpointOutput.data'],
      [6, 'unsupported_content_type', 'captureData.endpointInput.observedContentType'],
      [7, 'malformed_json', 'captureData.endpointInput.data'],
      [8, 'row_count_mismatch', 'captureData'],
      [9, 'missing_field', 'captureData.endpointInput.data'],
      [10, 'invalid_utf8', 'captureData.endpointInput.data']
    ]);
    expect(ctx.diagnostics.summary().examples.every(d => d.file === 'cap.jsonl')).toBe(true);
  });

  it('rejects a CSV payload whose field count differs from the first record (column_count)', async () => {
    const { rows, ctx } = await read([
      capture(csv('1,2,3'), csv('0.5')),
      capture(csv('4,5'), csv('0.6')),
      capture(csv('7,8,9\n1,2'), csv('0.7\n0.8')),
      capture(csv('7,8,9'), csv('0.7,1')),
      capture(csv('10,11,12'), csv('0.9'))
    ]);
    expect(rows).toEqual([
      { _c0: '0.5', _c1: '1', _c2: '2', _c3: '3' },
      { _c0: '0.9', _c1: '10', _c2: '11', _c3: '12' }
    ]);
    expect(ctx.counts).toEqual({ records: 5, rejected: 3, rows: 2 });
    const found = ctx.diagnostics.summary().examples.map(d => [d.line, d.kind, d.field, d.message]);
    expect(found).toEqual([
      [
        2,
        'column_count',
        'captureData.endpointInput.data',
        '2 CSV fields, expected 3 as in the first record'
      ],
      [
        3,
        'column_count',
        'captureData.endpointInput.data',
        '2 CSV fields on payload line 2, expected 3 as in the first record'
      ],
      [
        4,
        'column_count',
        'captureData.endpointOutput.data',
        '2 CSV fields, expected 1 as in the first record'
      ]
    ]);
  });

  it('reports a template inference time without dropping the record', async () => {
    const { rows, ctx } = await read([
      capture(csv('1'), csv('0'), { eventId: 'x', inferenceTime: '{%s}' })
    ]);
    expect(rows).toHaveLength(1);
    expect(ctx.counts.rejected).toBe(0);
    expect(ctx.diagnostics.summary().counts).toEqual({ template_time: 1 });
  });

  it('applies a record preprocessor: keys sorted then named by position, [] drops, null cells are missing', async () => {
    const preprocessor = handlerPreprocessor((record: any) =>
      record.endpoint_input.data === 'skip'
        ? []
        : { '01': record.endpoint_input.data, '00': null, '02': record.event_metadata.event_id }
    );
    const lines = [capture(csv('a'), csv('0')), capture(csv('skip'), csv('0'))];
    const { rows, ctx } = await read(lines, { preprocessor, featureNames: ['x', 'y', 'z'] });
    expect(rows).toEqual([{ x: null, y: 'a', z: 'e1' }]);
    expect(ctx.counts).toEqual({ records: 2, rejected: 0, rows: 1 });
  });

  it('reports preprocessor errors with the line', async () => {
    const preprocessor = handlerPreprocessor(() => {
      throw new Error('boom');
    });
    const { ctx } = await read([capture(csv('a'), csv('0'))], { preprocessor });
    expect(ctx.diagnostics.summary().examples[0]).toMatchObject({
      kind: 'preprocessor_error',
      line: 1,
      message: 'boom'
    });
  });

  it('gives the same rows for any chunking', async () => {
    const text = [capture(csv('1,é'), csv('0')), capture(csv('2,日本'), csv('1'))].join('\r\n');
    const expected = rowsOf(await collect(readCapture([text], {}, context())));
    for (const size of [1, 3, 7, 50]) {
      expect(rowsOf(await collect(readCapture(bytesOf(text, size), {}, context())))).toEqual(
        expected
      );
    }
  });
});

describeConformance('readCapture on real capture files', () => {
  async function readFile(relative: string, options = {}) {
    const file = conformancePath(relative);
    const ctx = context(file, 4096);
    const batches = await collect(readCapture([fs.readFileSync(file)], options, ctx));
    return { batches, rows: rowsOf(batches), ctx };
  }

  it('SDK template capture.jsonl: 44 CSV records of 1 output + 7 input columns, template times reported', async () => {
    const { batches, rows, ctx } = await readFile('sagemaker-python-sdk/monitor/capture.jsonl');
    expect(rows).toHaveLength(44);
    expect(batches[0].names).toHaveLength(8);
    expect(rows[0]).toEqual({
      _c0: '0.302709460258',
      _c1: '9',
      _c2: '45',
      _c3: '45',
      _c4: '42',
      _c5: '7',
      _c6: '5',
      _c7: '0'
    });
    expect(ctx.counts).toEqual({ records: 44, rejected: 0, rows: 44 });
    expect(ctx.diagnostics.summary().counts).toEqual({ template_time: 44 });
  });

  it('captured-data.jsonl: JSON instances and multi-line predictions pair into 3 rows a record', async () => {
    const { rows, ctx } = await readFile('sagemaker-python-sdk/monitor/captured-data.jsonl');
    expect(rows).toHaveLength(6);
    expect(rows.slice(0, 3)).toEqual([
      { _c0: '3.5', _c1: '1.0' },
      { _c0: '4.0', _c1: '2.0' },
      { _c0: '5.5', _c1: '5.0' }
    ]);
    expect(ctx.counts.rejected).toBe(0);
  });

  it('csv_churn_xgboost.jsonl: 70-column rows, prediction first', async () => {
    const { batches, rows } = await readFile(
      'amazon-sagemaker-examples/capture_excerpts/csv_churn_xgboost.jsonl'
    );
    expect(rows).toHaveLength(3);
    expect(batches[0].names).toHaveLength(70);
    expect(rows[0]._c0).toBe('0.036397725343704224');
    expect(rows[0]._c1).toBe('132');
    expect(rows[0]._c69).toBe('1');
  });

  it('json_adult_linear_learner.jsonl: multi-instance records give a row per instance (16 columns)', async () => {
    const { batches, rows } = await readFile(
      'amazon-sagemaker-examples/capture_excerpts/json_adult_linear_learner.jsonl'
    );
    expect(rows).toHaveLength(3);
    expect(batches[0].names).toHaveLength(16);
    expect([rows[2]._c0, rows[2]._c1, rows[2]._c2]).toEqual(['1', '0.5041388273239136', '43']);
  });

  it('jsonlines_adult.jsonl: multi-record jsonlines pair line by line (16 columns)', async () => {
    const { batches, rows } = await readFile(
      'amazon-sagemaker-examples/capture_excerpts/jsonlines_adult.jsonl'
    );
    expect(rows).toHaveLength(3);
    expect(batches[0].names).toHaveLength(16);
    expect([rows[2]._c0, rows[2]._c1, rows[2]._c2]).toEqual(['1', '0.504138827323913', '43']);
  });
});
