import fc from 'fast-check';
import { cellAt, ColumnBatch } from '../../../src/engine/io/batch';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { SegmentProfiles } from '../../../src/engine/profile/segmentProfiles';
import {
  matchingSegment,
  parseSegmentsIndex,
  segmentFolder
} from '../../../src/engine/pipeline/segmentsIndex';
import { CellColumn, typedColumn } from './typedColumns';

const NAMES = ['key', 'n', 'x', 'flag'];

/** A row: a segment key (text, sometimes missing), a wide-capable integer, a double, a boolean. */
const row = fc.tuple(
  fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { freq: 6 }),
  fc.option(
    fc.oneof(fc.integer({ min: -9, max: 9 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
    {
      freq: 6
    }
  ),
  fc.option(fc.oneof(fc.double(), fc.constantFrom(NaN, -0, 0.1)), { freq: 6 }),
  fc.option(fc.boolean(), { freq: 6 })
);
type Row = [string | null, number | bigint | null, number | null, boolean | null];

function batchOf(rows: Row[]): ColumnBatch {
  const cells: CellColumn[] = [
    { kind: 'text', values: rows.map(r => r[0]) },
    { kind: 'integral', values: rows.map(r => r[1]) },
    { kind: 'fractional', values: rows.map(r => r[2]) },
    { kind: 'boolean', values: rows.map(r => r[3]) }
  ];
  return { names: NAMES, columns: cells.map(typedColumn), rowCount: rows.length };
}

describe('SegmentProfiles', () => {
  test('each segment’s profile is the profile of its rows alone, typed columns included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(row, { maxLength: 40 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (batches, max) => {
          const segments = new SegmentProfiles({ by: 'key', maxSegments: max });
          batches.forEach(rows => segments.add(batchOf(rows as Row[])));
          const all = batches.flat() as Row[];
          const firstSeen = [...new Set(all.map(r => r[0]))];
          const own = firstSeen.slice(0, max);
          for (const segment of segments.segments()) {
            const mine = (r: Row) =>
              segment.kind === 'other' ? !own.includes(r[0]) : r[0] === segment.value;
            const alone = new DatasetProfile();
            batches.forEach(rows => {
              const kept = (rows as Row[]).filter(mine);
              if (kept.length > 0) {
                alone.add(batchOf(kept));
              }
            });
            expect(segment.profile.toJSON()).toEqual(alone.toJSON());
          }
          const kinds = segments.segments().map(s => s.kind);
          expect(kinds.filter(k => k !== 'other').length).toBe(own.length);
          expect(kinds.includes('other')).toBe(firstSeen.length > max);
        }
      ),
      { numRuns: 200 }
    );
  });

  test('a typed cell’s segment is its JavaScript text', () => {
    const segments = new SegmentProfiles({ by: 'n', maxSegments: 10 });
    const batch = batchOf([
      ['a', 2n ** 63n, 1, true],
      ['a', 3, 1, true],
      ['a', null, 1, true]
    ]);
    segments.add(batch);
    expect(segments.segments().map(s => s.value)).toEqual(['9223372036854775808', '3', null]);
    expect(cellAt(batch.columns[1], 0)).toBe(2n ** 63n);
  });
});

describe('segment folders and the index', () => {
  const segment = (kind: 'value' | 'missing' | 'other', value: string | null) => ({
    kind,
    value,
    profile: new DatasetProfile()
  });

  test('folders are safe names whatever the value', () => {
    expect(segmentFolder(segment('value', '../etc/passwd'), 3)).toBe('segments/03-.._etc_passwd');
    expect(segmentFolder(segment('value', 'x'.repeat(99)), 120)).toBe(
      `segments/120-${'x'.repeat(40)}`
    );
    expect(segmentFolder(segment('value', 'é <b>'), 1)).toBe('segments/01-___b_');
    expect(segmentFolder(segment('missing', null), 2)).toBe('segments/02-missing');
    expect(segmentFolder(segment('other', null), 21)).toBe('segments/other');
  });

  const valid = {
    version: 1,
    segment_by: 'region',
    max_segments: 20,
    segments: [
      { kind: 'value', value: 'eu', folder: 'segments/01-eu', item_count: 3 },
      { kind: 'missing', value: null, folder: 'segments/02-missing', item_count: 1 },
      { kind: 'other', value: null, folder: 'segments/other', item_count: 1 }
    ]
  };

  test('an index is read back, and a segment finds the baseline’s segment of its value', () => {
    const index = parseSegmentsIndex(JSON.stringify(valid), 'b/segments.json');
    expect(matchingSegment(index, segment('value', 'eu'))?.folder).toBe('segments/01-eu');
    expect(matchingSegment(index, segment('missing', null))?.folder).toBe('segments/02-missing');
    expect(matchingSegment(index, segment('value', 'us'))).toBeUndefined();
    expect(matchingSegment(index, segment('other', null))).toBeUndefined();
  });

  test.each([
    [{ ...valid, version: 2 }, 'version must be 1'],
    [{ ...valid, segments: {} }, 'segments must be a list'],
    [{ ...valid, segments: [{ ...valid.segments[0], kind: 'x' }] }, 'segments[0].kind'],
    [
      { ...valid, segments: [{ ...valid.segments[0], value: 5 }] },
      'segments[0].value must be a string'
    ],
    [{ ...valid, segments: [{ ...valid.segments[0], folder: '../x' }] }, 'segments[0].folder'],
    [
      { ...valid, segments: [{ ...valid.segments[0], folder: 'segments/..' }] },
      'segments[0].folder'
    ]
  ])('a bad index names its file and field (%#)', (value, message) => {
    expect(() => parseSegmentsIndex(JSON.stringify(value), 'b/segments.json')).toThrow(
      `b/segments.json: ${message}`
    );
  });
});
