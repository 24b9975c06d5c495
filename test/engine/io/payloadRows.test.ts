import fc from 'fast-check';
import { splitCsvLine } from '../../../src/engine/io/csvParser';
import { csvPayloadRows } from '../../../src/engine/io/payloadRows';

/** The straightforward split: lines, minus one `\r` each, empty ones dropped; fields on `,`. */
function referenceRows(data: string): (string | null)[][] {
  return data
    .split('\n')
    .map(line => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter(line => line.length > 0)
    .map(line =>
      line.indexOf('"') < 0
        ? line.split(',').map(v => (v.length === 0 ? null : v))
        : splitCsvLine(line)
    );
}

describe('CSV payload rows (hand-rolled line and field splitting)', () => {
  test('= split, strip, filter and map, for any payload', () => {
    const payload = fc
      .array(fc.constantFrom('a', '1', ',', '\n', '\r', '"', ' ', '2.5'), { maxLength: 40 })
      .map(parts => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(payload, fc.string()), data => {
        expect(csvPayloadRows(data)).toEqual(referenceRows(data));
      }),
      { numRuns: 3000 }
    );
  });
});
