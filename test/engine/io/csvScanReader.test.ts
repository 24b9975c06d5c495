/**
 * The byte-level CSV core (wasm/assembly/csvScan.ts, io/csvScanReader.ts) against the text reader:
 * the same bytes must give the same profile (type votes, moments, KLL, HLL, value counts), the same
 * counts and the same diagnostics, whatever the chunking, header and line mix.
 */
import fc from 'fast-check';
import { DiagnosticsCollector } from '../../../src/engine/diagnostics';
import { ColumnBatch } from '../../../src/engine/io/batch';
import { CsvOptions, readCsv } from '../../../src/engine/io/csvReader';
import { createReadContext } from '../../../src/engine/io/readContext';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { ColumnFolder } from '../../../src/engine/wasm/columnFolder';
import { CSV_SCAN_WASM_BASE64 } from '../../../src/engine/wasm/csvScanBinary';
import { instantiateCsvScan } from '../../../src/engine/wasm/csvScanModule';
import { bytesOf } from './readHelpers';
import { compiledWasm } from '../../helpers/wasmBuild';

interface Outcome {
  profile: ReturnType<DatasetProfile['toJSON']>;
  counts: unknown;
  diagnostics: unknown;
  batchKinds: string[];
}

async function profileOf(
  text: string,
  chunkSize: number,
  options: CsvOptions,
  scanCells: boolean,
  skipValueCountsOf?: ReadonlySet<string>
): Promise<Outcome> {
  const diagnostics = new DiagnosticsCollector(100);
  const ctx = { ...createReadContext('data.csv', diagnostics), batchSize: 7 };
  const profile = new DatasetProfile({ skipValueCountsOf });
  const batchKinds: string[] = [];
  const batches: AsyncIterable<ColumnBatch> = readCsv(
    bytesOf(text, chunkSize),
    { ...options, scanCells },
    ctx
  );
  for await (const batch of batches) {
    batchKinds.push(batch.columns[0]?.kind ?? 'none');
    profile.add(batch);
  }
  return {
    profile: profile.toJSON(),
    counts: ctx.counts,
    diagnostics: diagnostics.summary(),
    batchKinds
  };
}

/** Profile, counts, diagnostics and batch kinds of raw bytes (which need not be UTF-8). */
async function profileOfBytes(
  bytes: Uint8Array,
  chunkSize: number,
  scanCells: boolean,
  kinds: string[] = []
) {
  const diagnostics = new DiagnosticsCollector(100);
  const ctx = { ...createReadContext('data.csv', diagnostics), batchSize: 7 };
  const profile = new DatasetProfile();
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) =>
    bytes.subarray(chunkSize * i, chunkSize * (i + 1))
  );
  for await (const batch of readCsv(chunks, { header: true, scanCells }, ctx)) {
    kinds.push(batch.columns[0].kind);
    profile.add(batch);
  }
  return { profile: profile.toJSON(), counts: ctx.counts, diagnostics: diagnostics.summary() };
}

async function expectSameProfile(
  text: string,
  chunkSize: number,
  options: CsvOptions = {},
  skipValueCountsOf?: ReadonlySet<string>
) {
  const scanned = await profileOf(text, chunkSize, options, true, skipValueCountsOf);
  const plain = await profileOf(text, chunkSize, options, false, skipValueCountsOf);
  expect(scanned.profile).toEqual(plain.profile);
  expect(scanned.counts).toEqual(plain.counts);
  expect(scanned.diagnostics).toEqual(plain.diagnostics);
  return scanned;
}

/** Cells the core takes, cells it leaves to JavaScript, and cells that end its scan. */
const numberCell = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc
    .tuple(
      fc.constantFrom('', '-', '+', '- ', '+ ', ' '),
      fc.stringMatching(/^[0-9]{1,18}$/),
      fc.option(fc.stringMatching(/^\.[0-9]{0,18}$/), { nil: '' }),
      fc.option(fc.stringMatching(/^[eE][-+]?[0-9]{0,12}$/), { nil: '' })
    )
    .map(parts => parts.join(''))
);
const wordCell = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    'True',
    'truex',
    'fals',
    'NaN',
    'Infinity',
    '1.',
    '.5',
    '-',
    'e5',
    '1e',
    '5 ',
    ' 5'
  ),
  fc.stringMatching(/^[a-c]{1,3}$/),
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\r', '0', '9', '.', '-'), maxLength: 6 })
);
const specialCell = fc.constantFrom('"quoted"', '"a,b"', '"multi\nline"', 'x"y');
/** Cells the core leaves to JavaScript as text: non-ASCII, a BOM inside the file, lone surrogates. */
const unicodeCell = fc.oneof(
  fc.constantFrom('café', 'ü', '\ufeffx', '\ufeff', '😀', '\u2028', '١٢٣', '\ud800', 'é1'),
  fc.string({ unit: 'grapheme', maxLength: 4 }).filter(t => !/[,"\r\n]/.test(t))
);
const plainCell = fc.oneof(
  { weight: 4, arbitrary: numberCell },
  { weight: 4, arbitrary: wordCell },
  { weight: 1, arbitrary: fc.constant('') }
);
const anyCell = fc.oneof(
  { weight: 30, arbitrary: plainCell },
  { weight: 3, arbitrary: unicodeCell },
  { weight: 1, arbitrary: specialCell }
);

function csvText(rows: string[][], crlf: boolean, trailingNewline: boolean): string {
  const end = crlf ? '\r\n' : '\n';
  const text = rows.map(row => row.join(',')).join(end);
  return trailingNewline ? text + end : text;
}

const table = (cell: fc.Arbitrary<string>) =>
  fc
    .integer({ min: 1, max: 5 })
    .chain(width =>
      fc.array(
        fc.oneof(
          { weight: 20, arbitrary: fc.array(cell, { minLength: width, maxLength: width }) },
          { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: width + 1 }) }
        ),
        { maxLength: 40 }
      )
    );

describe('byte-level CSV core', () => {
  test('the committed module is what its AssemblyScript source compiles to', () => {
    expect(compiledWasm('csvScan')).toEqual(Buffer.from(CSV_SCAN_WASM_BASE64, 'base64'));
  }, 60000);

  test('loads synchronously under jest', () => {
    expect(instantiateCsvScan()).not.toBeNull();
  });

  test('gives the text reader’s profile on random CSV, whatever the chunks and lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(anyCell),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (rows, crlf, trailingNewline, header, chunkSize) => {
          // Distinct header names: columns sharing a name share one profile, whose value order
          // then depends on batch bounds in either reader.
          const table =
            header && rows.length > 0 ? [rows[0].map((_, i) => `h${i}`), ...rows.slice(1)] : rows;
          await expectSameProfile(csvText(table, crlf, trailingNewline), chunkSize, {
            header,
            featureNames: ['f0', 'f1']
          });
        }
      ),
      { numRuns: 1000 }
    );
  });

  test('folds columns that skip the value counts in the core, as JavaScript does', async () => {
    // Every column skips from its first cell (as after an earlier part found them mostly distinct).
    const skipAll = new Set(['f0', 'f1', ...[0, 1, 2, 3, 4].flatMap(i => [`h${i}`, `_c${i}`])]);
    await fc.assert(
      fc.asyncProperty(
        table(anyCell),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (rows, header, chunkSize) => {
          const table =
            header && rows.length > 0 ? [rows[0].map((_, i) => `h${i}`), ...rows.slice(1)] : rows;
          await expectSameProfile(
            csvText(table, false, true),
            chunkSize,
            { header, featureNames: ['f0', 'f1'] },
            skipAll
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  test('a skipping column whose integral sum passes 2^53 turns to the exact sum as JavaScript does', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i % 7 === 3 ? '' : '999999999999999'},${i}.5`
    );
    const text = `a,b\n${rows.join('\n')}\n`;
    const fold = jest.spyOn(ColumnFolder.prototype, 'fold');
    const outcome = await expectSameProfile(text, 1 << 16, { header: true }, new Set(['a', 'b']));
    expect(outcome.batchKinds.every(kind => kind === 'scanned')).toBe(true);
    // The core took cells of both columns, and left column a's to JavaScript once its sum was unsafe.
    const taken = fold.mock.results.map(result => result.value as number);
    fold.mockRestore();
    expect(taken).toEqual([expect.any(Number), 40]);
    expect(taken[0]).toBeGreaterThan(0);
    expect(taken[0]).toBeLessThan(40);
    const a = outcome.profile.columns.find(column => column.name === 'a')!;
    expect(a.moments.integralSum).toBe(String(999999999999999n * 34n));
    expect(a.types).toMatchObject({ integral: 34, missing: 6 });
  });

  test('scans quote-free ASCII lines and hands the rest to the text reader in row order', async () => {
    const text = 'a,b\n1,x\n2.5,y\n,true\n"q",z\n3,w\n';
    const outcome = await expectSameProfile(text, 5, { header: true });
    expect(outcome.batchKinds[0]).toBe('scanned');
    expect(outcome.batchKinds.at(-1)).toBe('text');
    expect(outcome.counts).toEqual({ records: 5, rejected: 0, rows: 5 });
  });

  test('reports a line with another field count as the text reader does, with its line number', async () => {
    const outcome = await expectSameProfile('1,2\n3,4\n5\n6,7\n', 3);
    expect(outcome.diagnostics).toMatchObject({ counts: { column_count: 1 } });
    expect(JSON.stringify(outcome.diagnostics)).toContain('"line":3');
  });

  test('reads UTF-8 text in the core and leaves a line of other bytes to the text reader', async () => {
    const text = 'név,ár\nkörte,1\nalma,2\n';
    const outcome = await expectSameProfile(text, 3, { header: true });
    expect(outcome.batchKinds.every(kind => kind === 'scanned')).toBe(true);
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    // A bad continuation, overlong forms, a surrogate, past U+10FFFF, a cut character, stray bytes.
    const invalid = [
      [0xc3, 0x28],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xe2, 0x82],
      [0x80],
      [0xff]
    ];
    for (const sequence of invalid) {
      const file = Buffer.concat([
        bytes('a,b\n1,x\n'),
        Buffer.from([0x79, 0x2c, ...sequence, 0x0a]),
        bytes('2,z\n')
      ]);
      for (const chunkSize of [1, 2, 3, 64]) {
        const scanned = await profileOfBytes(file, chunkSize, true);
        const plain = await profileOfBytes(file, chunkSize, false);
        expect(scanned).toEqual(plain);
        expect(JSON.stringify(plain.diagnostics)).toContain('invalid_utf8');
      }
    }
    // A character cut by a chunk bound is read whole, and the line stays in the core.
    const cut = bytes('a,b\nkörte,😀\n1,2\n');
    const whole = await profileOfBytes(cut, 64, true);
    for (const chunkSize of [1, 2, 3, 5]) {
      const kinds: string[] = [];
      expect(await profileOfBytes(cut, chunkSize, true, kinds)).toEqual(whole);
      expect(kinds.every(kind => kind === 'scanned')).toBe(true);
      expect(await profileOfBytes(cut, chunkSize, false)).toEqual(whole);
    }
  });

  test('drops a BOM, keeps byte ranges’ column names and first line', async () => {
    await expectSameProfile('\ufeffa,b\n1,2\n', 4, { header: true });
    await expectSameProfile('1,2\n3,x\n', 2, { columnNames: ['p', 'q'], firstLine: 40 });
    await expectSameProfile('', 1, { header: true });
    await expectSameProfile('\n\n1,2\n', 2, {});
  });

  test('counts many rows, distinct values and pruned value counts exactly as the text reader', async () => {
    // Past a full batch (4096 rows), past 2 × the categorical limit of distinct values (pruning),
    // and past the hit window with mostly new values (the column stops looking values up).
    const random = fc.sample(
      fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      { numRuns: 12000, seed: 42 }
    );
    const lines = random.map(([i, x], row) =>
      [i % 7, i, x, `c${i % 300}`, row % 11 === 0 ? '' : `w${i}`, i % 2 === 0].join(',')
    );
    const outcome = await expectSameProfile(lines.join('\n') + '\n', 65536);
    expect(outcome.batchKinds.every(kind => kind === 'scanned')).toBe(true);
    expect(outcome.counts).toEqual({ records: 12000, rejected: 0, rows: 12000 });
  });
});
