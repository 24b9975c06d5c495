import fc from 'fast-check';
import * as envelope from '../../../src/engine/io/captureEnvelope';
import { readCapture } from '../../../src/engine/io/captureReader';
import { handlerPreprocessor } from '../../../src/engine/io/preprocessor';
import { anyCaptureLine, canonicalLine, captureRecord } from './captureLines';
import { collect, context, rowsOf } from './readHelpers';

/**
 * Rows, counts and every diagnostic (file, line, field, message) of reading `lines`, or the error
 * the read throws (none is expected: a non-string observedContentType, which used to throw, is now a
 * rejected record).
 */
async function readAll(lines: string[], preprocess: boolean) {
  const ctx = context('cap.jsonl', 7);
  const preprocessor = preprocess
    ? handlerPreprocessor(record => ({ a: JSON.stringify(record) }))
    : undefined;
  try {
    const batches = await collect(readCapture([lines.join('\n')], { preprocessor }, ctx));
    return { rows: rowsOf(batches), counts: ctx.counts, diagnostics: ctx.diagnostics.summary() };
  } catch (error) {
    return { error: String(error), counts: ctx.counts, diagnostics: ctx.diagnostics.summary() };
  }
}

async function readSlowly(lines: string[], preprocess: boolean) {
  const spy = jest.spyOn(envelope, 'scanCaptureEnvelope').mockReturnValue(null);
  try {
    return await readAll(lines, preprocess);
  } finally {
    spy.mockRestore();
  }
}

/** Plausible CSV captures: the same width most of the time, so most records give rows. */
const csvCapture = fc
  .tuple(
    captureRecord,
    fc.array(fc.oneof(fc.double().map(String), fc.constantFrom('', 'x')), {
      minLength: 3,
      maxLength: 3
    })
  )
  .map(([record, cells]) => {
    const input = { ...record.input, data: cells.join(','), encoding: 'CSV' };
    const output = { ...record.output, data: cells[0], encoding: 'CSV' };
    return canonicalLine({ ...record, input, output });
  });

const fileLines = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: csvCapture },
    { weight: 3, arbitrary: anyCaptureLine },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', 'not json', '[]', 'null', '{"a":1}') }
  ),
  { maxLength: 12 }
);

describe('readCapture gives the same rows and diagnostics with and without the envelope fast path', () => {
  it('on files of mixed lines (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fileLines, fc.boolean(), async (lines, preprocess) => {
        const fast = await readAll(lines, preprocess);
        const slow = await readSlowly(lines, preprocess);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 }
    );
  });

  it('the fast path is on by default, and the slow-path spy really turns it off', async () => {
    const spy = jest.spyOn(envelope, 'scanCaptureEnvelope');
    const line = canonicalLine({
      input: { observedContentType: 'text/csv', mode: 'INPUT', data: '1,2', encoding: 'CSV' },
      output: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.5', encoding: 'CSV' },
      eventId: 'e1',
      inferenceId: null,
      inferenceTime: '{%s}',
      eventVersion: '0'
    });
    const fast = await readAll([line, line], false);
    expect(spy.mock.results.map(r => r.value === null)).toEqual([false, false]);
    spy.mockRestore();
    expect(fast.rows).toEqual([
      { _c0: '0.5', _c1: '1', _c2: '2' },
      { _c0: '0.5', _c1: '1', _c2: '2' }
    ]);
    expect(fast.diagnostics.examples.map(d => [d.line, d.kind, d.field])).toEqual([
      [1, 'template_time', 'eventMetadata.inferenceTime'],
      [2, 'template_time', 'eventMetadata.inferenceTime']
    ]);
    expect(await readSlowly([line, line], false)).toEqual(fast);
  });
});
