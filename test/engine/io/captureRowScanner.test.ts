/**
 * Capture rows through the byte-level CSV core (io/captureRowScanner.ts) against the text way: the
 * same capture lines must give the same profile, counts and diagnostics, whatever mix of plain CSV
 * records (which the core takes) and any other records (which it leaves to JavaScript).
 */
import fc from 'fast-check';
import { ColumnBatch } from '../../../src/engine/io/batch';
import { readCapture } from '../../../src/engine/io/captureReader';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { canonicalLine, captureRecord, CaptureFields } from './captureLines';
import { bytesOf, context } from './readHelpers';

async function profileOf(lines: string[], chunkSize: number, scanCells: boolean) {
  const ctx = context('cap.jsonl', 5);
  const profile = new DatasetProfile();
  const kinds: string[] = [];
  try {
    const batches: AsyncIterable<ColumnBatch> = readCapture(
      bytesOf(lines.join('\n'), chunkSize),
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

async function expectSameProfile(lines: string[], chunkSize: number) {
  const scanned = await profileOf(lines, chunkSize, true);
  const { kinds, ...plain } = await profileOf(lines, chunkSize, false);
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
            { weight: 1, arbitrary: fc.constantFrom('', '{"captureData":', 'not json') }
          ),
          { maxLength: 30 }
        ),
        fc.integer({ min: 1, max: 300 }),
        async (lines, chunkSize) => {
          await expectSameProfile(lines, chunkSize);
        }
      ),
      { numRuns: 1000 }
    );
  });

  test('takes plain records into scanned batches, past a full batch', async () => {
    const records = fc.sample(plainRecord, { numRuns: 9000, seed: 7 }).map(record => ({
      ...record,
      output: { ...record.output, data: String(record.output.data.length) },
      input: {
        ...record.input,
        data: `${record.input.data.length},c${record.input.data.length % 9}`
      }
    }));
    const outcome = await expectSameProfile(records.map(canonicalLine), 4096);
    expect(outcome.kinds.filter(kind => kind === 'scanned').length).toBeGreaterThan(2);
    expect(outcome.counts).toEqual({ records: 9000, rejected: 0, rows: 9000 });
  });
});
