/**
 * Capture lines through the byte-level core (io/captureScanReader.ts, wasm/assembly/captureLines.ts)
 * against the text way: the same capture bytes must give the same profile, counts and diagnostics,
 * whatever mix of plain CSV records (which the core takes) and any other lines (which it leaves to
 * JavaScript), line breaks, chunk sizes and record limits.
 */
import fc from 'fast-check';
import { ColumnBatch } from '../../../src/engine/io/batch';
import * as envelope from '../../../src/engine/io/captureEnvelope';
import { readCapture } from '../../../src/engine/io/captureReader';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { canonicalLine, captureRecord, CaptureFields } from './captureLines';
import { bytesOf, context } from './readHelpers';

interface Layout {
  chunkSize: number;
  lineBreak?: string;
  bom?: boolean;
  maxRecordChars?: number;
}

async function profileOf(lines: string[], layout: Layout, scanCells: boolean) {
  const ctx = { ...context('cap.jsonl', 5), maxRecordChars: layout.maxRecordChars };
  const profile = new DatasetProfile();
  const kinds: string[] = [];
  const text = (layout.bom ? '\ufeff' : '') + lines.join(layout.lineBreak ?? '\n');
  try {
    const batches: AsyncIterable<ColumnBatch> = readCapture(
      bytesOf(text, layout.chunkSize),
      { featureNames: ['score', 'a'], scanCells },
      ctx
    );
    for await (const batch of batches) {
      kinds.push(batch.columns[0]?.kind ?? 'none');
      profile.add(batch);
    }
  } catch (error) {
    return { error: String(error), counts: ctx.counts, diagnostics: ctx.diagnostics.summary() };
  }
  return {
    profile: profile.toJSON(),
    counts: ctx.counts,
    diagnostics: ctx.diagnostics.summary(),
    kinds
  };
}

async function expectSameProfile(lines: string[], layout: Layout) {
  const scanned = await profileOf(lines, layout, true);
  const { kinds, ...plain } = await profileOf(lines, layout, false);
  const { kinds: scannedKinds, ...rest } = scanned;
  expect(rest).toEqual(plain);
  expect(kinds?.includes('scanned')).toBeFalsy();
  return { ...scanned, kinds: scannedKinds ?? [] };
}

const cell = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('', 'true', 'x', 'y z', '1e5', '007', '12345678901234567890', 'é', '"q"')
);

/** A record the core takes when its cells are plain: CSV on both sides, widths 1 and 2 (or not). */
const plainRecord: fc.Arbitrary<CaptureFields> = fc
  .tuple(
    fc.array(cell, { minLength: 1, maxLength: 1 }),
    fc.oneof(
      { weight: 12, arbitrary: fc.array(cell, { minLength: 2, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 3 }) }
    ),
    fc.constantFrom('CSV', 'CSV', 'CSV', 'csv'),
    fc.constantFrom('2024-05-01T00:00:00Z', '{%s}')
  )
  .map(([output, input, encoding, inferenceTime]) => ({
    input: { observedContentType: 'text/csv', mode: 'INPUT', data: input.join(','), encoding },
    output: {
      observedContentType: 'text/csv',
      mode: 'OUTPUT',
      data: output.join(','),
      encoding: 'CSV'
    },
    eventId: 'e',
    inferenceId: null,
    inferenceTime,
    eventVersion: '0'
  }));

describe('capture rows through the byte-level CSV core', () => {
  test('give the text way’s profile, counts and diagnostics on any mix of records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 8, arbitrary: plainRecord.map(canonicalLine) },
            { weight: 1, arbitrary: captureRecord.map(canonicalLine) },
            { weight: 1, arbitrary: fc.constantFrom('', ' ', '{"captureData":', 'not json') },
            { weight: 1, arbitrary: plainRecord.map(canonicalLine).map(line => line + '\r') }
          ),
          { maxLength: 30 }
        ),
        fc.record({
          chunkSize: fc.integer({ min: 1, max: 300 }),
          lineBreak: fc.constantFrom('\n', '\r\n', '\n\n'),
          bom: fc.boolean(),
          maxRecordChars: fc.option(fc.integer({ min: 150, max: 400 }), { nil: undefined })
        }),
        async (lines, layout) => {
          await expectSameProfile(lines, layout);
        }
      ),
      { numRuns: 1000 }
    );
  });

  test('move payloads of any size within a line, the output one past the scratch area too', async () => {
    const sized = fc
      .tuple(plainRecord, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .map(([record, repeat, input]) => ({
        ...record,
        output: { ...record.output, data: ['7', 'x'.repeat(150), 'y'.repeat(20_000)][repeat % 3] },
        input: { ...record.input, data: `${'1'.repeat(input * 60)},${record.input.data}` }
      }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(sized.map(canonicalLine), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 100, max: 70_000 }),
        async (lines, chunkSize) => {
          await expectSameProfile(lines, { chunkSize });
        }
      ),
      { numRuns: 100 }
    );
  });

  test.each(['\n', '\r\n'])(
    'takes plain records into scanned batches, past a full batch (line break %j)',
    async lineBreak => {
      const records = fc.sample(plainRecord, { numRuns: 9000, seed: 7 }).map(record => ({
        ...record,
        inferenceTime: '2024-05-01T00:00:00Z',
        output: { ...record.output, data: String(record.output.data.length) },
        input: {
          ...record.input,
          encoding: 'CSV',
          data: `${record.input.data.length},c${record.input.data.length % 9}`
        }
      }));
      const spy = jest.spyOn(envelope, 'scanCaptureEnvelope');
      const outcome = await expectSameProfile(records.map(canonicalLine), {
        chunkSize: 4096,
        lineBreak
      });
      expect(outcome.kinds.filter(kind => kind === 'scanned').length).toBeGreaterThan(2);
      expect(outcome.counts).toEqual({ records: 9000, rejected: 0, rows: 9000 });
      // The text way parsed each line once; the byte-level way only the first, which sets the widths.
      const parsed = spy.mock.calls.length;
      spy.mockRestore();
      expect(parsed).toBe(9000 + 1);
    }
  );
});
