/**
 * Fuzzing every reader through its public API (readDataset and the per-format readers): random
 * bytes, truncated and mutated real-looking inputs. Each case must end within a time bound, never
 * throw (text formats), count every record it saw and report every rejected one as a diagnostic.
 *
 * Budget: FUZZ_RUNS cases per property (default 60, the README's test run); the long run is
 * `FUZZ_RUNS=2000 npx jest --selectProjects engine -- test/engine/reliability`. FUZZ_SEED varies
 * the inputs; a failure prints its seed and path for fast-check to replay.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { DiagnosticsCollector } from '../../../src/engine/diagnostics';
import { readArrow } from '../../../src/engine/io/arrowReader';
import { ChunkSource } from '../../../src/engine/io/chunks';
import { DatasetFormat } from '../../../src/engine/io/datasetFormat';
import { readDataset } from '../../../src/engine/io/readDataset';
import { createReadContext, ReadContext } from '../../../src/engine/io/readContext';
import { DataError } from '../../../src/engine/errors';
import {
  captureLine,
  csvText,
  jsonLine,
  mutate,
  PayloadKind,
  splitAt
} from '../../helpers/fuzzInputs';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? 8 : Number(process.env.FUZZ_SEED);
/** No single small input may take longer than this (generous: CI machines are slow). */
const CASE_MS = 2000;
const TEXT_FORMATS: DatasetFormat[] = ['csv', 'json', 'sagemaker_capture_json'];

interface Outcome {
  rows: number;
  ctx: ReadContext;
  error?: unknown;
  ms: number;
}

/** Reads to the end, or stops at CASE_MS and reports a hang (for readers that await). */
async function readAll(
  format: DatasetFormat,
  source: ChunkSource,
  options: { header?: boolean } = {}
): Promise<Outcome> {
  const ctx: ReadContext = {
    ...createReadContext(`fuzz.${format}`, new DiagnosticsCollector(1000)),
    batchSize: 7
  };
  const started = Date.now();
  let rows = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`HANG: no end after ${CASE_MS} ms`)), CASE_MS);
  });
  const consume = (async () => {
    for await (const batch of readDataset(source, { format, ...options }, ctx)) {
      rows += batch.rowCount;
    }
  })();
  let error: unknown;
  try {
    await Promise.race([consume, deadline]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  return { rows, ctx, error, ms: Date.now() - started };
}

/** What every finished read must satisfy, whatever its input. */
function expectAccounted(outcome: Outcome): void {
  const { counts, diagnostics } = outcome.ctx;
  expect(outcome.ms).toBeLessThan(CASE_MS);
  expect(outcome.rows).toBe(counts.rows);
  expect(counts.rejected).toBeLessThanOrEqual(counts.records);
  // Every rejected record is reported (warnings may add more).
  const summary = diagnostics.summary();
  const reported = Object.values(summary.counts).reduce((a, b) => a + (b ?? 0), 0);
  expect(reported).toBeGreaterThanOrEqual(counts.rejected);
  for (const example of summary.examples) {
    expect(example.file).toBe(outcome.ctx.file);
    expect(Number.isInteger(example.line) && example.line >= 0).toBe(true);
    expect(typeof example.message).toBe('string');
  }
}

const byteChunks = fc
  .tuple(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 6 }))
  .map(([bytes, cuts]) => splitAt(bytes, cuts));

const number = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const payloadKind = fc.constantFrom<PayloadKind>('csv', 'json', 'base64');
const edit = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<'set' | 'delete' | 'insert'>('set', 'delete', 'insert'),
  byte: fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x7b, 0x7d, 0x5c, 0x00, 0xff, 0xc3, 0x3d, 0x41)
});
const edits = fc.array(edit, { maxLength: 8 });
const truncate = fc.option(fc.nat(), { nil: undefined });

/** Real-looking text of each format (an endpoint's CSV payloads all have one width). */
const captureText = fc
  .integer({ min: 1, max: 4 })
  .chain(width =>
    fc.array(fc.tuple(fc.array(number, { minLength: width, maxLength: width }), payloadKind), {
      minLength: 1,
      maxLength: 12
    })
  )
  .map(lines => lines.map(([values, kind], i) => captureLine(values, kind, `e${i}`)).join('\n'));

const csvCell = fc.oneof(
  number.map(String),
  fc.constantFrom('', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\ninside', 'é', '🙂', ' x ')
);
const csvInput = fc
  .record({
    rows: fc.array(fc.array(csvCell, { minLength: 3, maxLength: 3 }), { maxLength: 15 }),
    bom: fc.boolean(),
    crlf: fc.boolean()
  })
  .map(({ rows, bom, crlf }) => csvText([['a', 'b', 'c'], ...rows], { bom, crlf }));

const jsonText = fc
  .array(fc.record({ a: number, b: fc.string({ maxLength: 8 }), c: fc.option(fc.boolean()) }), {
    maxLength: 15
  })
  .map(rows => rows.map(jsonLine).join('\n'));

const realLooking: Record<string, fc.Arbitrary<string>> = {
  sagemaker_capture_json: captureText,
  csv: csvInput,
  json: jsonText
};

afterAll(() => {
  console.log(`reader fuzzing: ${RUNS} runs per property, seed ${SEED}`);
});

const encode = (text: string) => new TextEncoder().encode(text);
const fcOptions = () => ({ numRuns: RUNS, seed: SEED });

describe.each(TEXT_FORMATS)('reader fuzzing: %s', format => {
  const header = format === 'csv';

  test('random bytes in random chunks: no throw, no hang, all accounted', async () => {
    await fc.assert(
      fc.asyncProperty(byteChunks, async chunks => {
        const outcome = await readAll(format, chunks, { header });
        expect(outcome.error).toBeUndefined();
        expectAccounted(outcome);
      }),
      fcOptions()
    );
  });

  test('truncated and mutated real-looking inputs: no throw, no hang, all accounted', async () => {
    await fc.assert(
      fc.asyncProperty(
        realLooking[format],
        edits,
        truncate,
        fc.array(fc.nat(), { maxLength: 4 }),
        async (text, changes, cut, cuts) => {
          const bytes = mutate(encode(text), changes, cut);
          const outcome = await readAll(format, splitAt(bytes, cuts), { header });
          expect(outcome.error).toBeUndefined();
          expectAccounted(outcome);
        }
      ),
      fcOptions()
    );
  });

  test('unmutated real-looking inputs read without any diagnostic, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        realLooking[format],
        fc.array(fc.nat(), { maxLength: 5 }),
        async (text, cuts) => {
          const whole = await readAll(format, [text], { header });
          const pieces = await readAll(format, splitAt(encode(text), cuts), { header });
          expect(whole.error).toBeUndefined();
          expect(whole.ctx.diagnostics.total).toBe(0);
          expect(pieces.ctx.counts).toEqual(whole.ctx.counts);
          expect(pieces.rows).toBe(whole.rows);
        }
      ),
      fcOptions()
    );
  });
});

/** Good records with bad ones at random places: every good one read, every bad one reported. */
describe('good records around bad ones are all counted', () => {
  const layout = fc.record({
    good: fc.integer({ min: 0, max: 30 }),
    badAt: fc.uniqueArray(fc.nat({ max: 40 }), { maxLength: 6 })
  });

  function interleave(good: number, badAt: number[], goodLine: (i: number) => string, bad: string) {
    const lines: string[] = [];
    const badLines: number[] = [];
    let g = 0;
    const total = good + badAt.length;
    const badSlots = new Set(badAt.map(b => b % (total || 1)));
    for (let slot = 0; slot < total; slot++) {
      if (badSlots.has(slot) && badLines.length < badAt.length) {
        lines.push(bad);
        badLines.push(lines.length);
      } else if (g < good) {
        lines.push(goodLine(g++));
      } else {
        lines.push(bad);
        badLines.push(lines.length);
      }
    }
    return { lines, badLines, good: g };
  }

  const cases: [DatasetFormat, (i: number) => string, string, string][] = [
    ['json', i => jsonLine({ a: i, b: `s${i}` }), '{"a": 1, "b": ', 'malformed_json'],
    [
      'sagemaker_capture_json',
      i => captureLine([i, i + 0.5], (['csv', 'json', 'base64'] as const)[i % 3], `e${i}`),
      captureLine([1, 2], 'base64').replace(
        /"data":"[^"]*","encoding":"BASE64"/,
        '"data":"@@@","encoding":"BASE64"'
      ),
      'bad_base64'
    ],
    ['csv', i => `${i},${i * 2},"x${i}"`, '1,2', 'column_count']
  ];

  test.each(cases)('%s', async (format, goodLine, bad, kind) => {
    await fc.assert(
      fc.asyncProperty(layout, fc.boolean(), async ({ good, badAt }, crlf) => {
        // CSV: a fixed first row defines the width; it is a good record too.
        const first = format === 'csv' ? [goodLine(-1)] : [];
        const body = interleave(good, badAt, goodLine, bad);
        const lines = [...first, ...body.lines];
        const text = lines.join(crlf ? '\r\n' : '\n') + '\n';
        const outcome = await readAll(format, [text]);
        expectAccounted(outcome);
        const offset = first.length;
        expect(outcome.ctx.counts.rows).toBe(body.good + first.length);
        expect(outcome.ctx.counts.rejected).toBe(body.badLines.length);
        expect(outcome.ctx.counts.records).toBe(lines.length);
        const summary = outcome.ctx.diagnostics.summary();
        expect(summary.counts).toEqual(
          body.badLines.length ? { [kind]: body.badLines.length } : {}
        );
        expect(summary.examples.map(d => d.line)).toEqual(body.badLines.map(l => l + offset));
      }),
      fcOptions()
    );
  });
});

describe('reader fuzzing: arrow', () => {
  const tableBytes = fc
    .record({
      values: fc.array(number, { minLength: 1, maxLength: 20 }),
      format: fc.constantFrom<'stream' | 'file'>('stream', 'file')
    })
    .map(({ values, format }) =>
      tableToIPC(
        tableFromArrays({
          x: Float64Array.from(values),
          s: values.map(v => `v${Math.round(v)}`)
        }),
        format
      )
    );

  test('unmutated IPC stream and file bytes read in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(tableBytes, fc.array(fc.nat(), { maxLength: 5 }), async (bytes, cuts) => {
        const outcome = await readAll('arrow', splitAt(bytes, cuts));
        expect(outcome.error).toBeUndefined();
        expect(outcome.rows).toBeGreaterThan(0);
        expectAccounted(outcome);
      }),
      fcOptions()
    );
  });

  // Mutated IPC bytes are fuzzed through the CLI in a child process (arrowCliFuzz.test.ts), where
  // a hang can be killed.

  test('random bytes: no hang', async () => {
    await fc.assert(
      fc.asyncProperty(byteChunks, async chunks => {
        const outcome = await readAll('arrow', chunks);
        expect(outcome.ms).toBeLessThan(CASE_MS);
        expect(String(outcome.error)).not.toMatch(/^Error: HANG/);
      }),
      fcOptions()
    );
  });

  test('readArrow is what readDataset uses for arrow', () => {
    expect(typeof readArrow).toBe('function');
  });
});

test('capture base64 "QUJDR==" (3 mod 4 with padding) is a bad_base64 diagnostic, not a throw', async () => {
  const text = captureLine([1, 2], 'base64').replace(
    /"data":"[^"]*","encoding":"BASE64"/,
    '"data":"QUJDR==","encoding":"BASE64"'
  );
  const outcome = await readAll('sagemaker_capture_json', [text + '\n']);
  expect(outcome.error).toBeUndefined();
  expect(outcome.ctx.diagnostics.summary().counts).toEqual({ bad_base64: 1 });
});

// apache-arrow's own errors (here TypeError "Cannot read properties of null (reading
// 'fieldsLength')" for an IPC file missing its last 20 bytes) end as a DataError: exit 2, not 4.
test('a truncated Arrow IPC file ends in a DataError, not a raw arrow error', async () => {
  const bytes = readFileSync(resolve(__dirname, '../../badinput/arrow-truncated.arrow'));
  const outcome = await readAll('arrow', [new Uint8Array(bytes)]);
  expect(outcome.error).toBeInstanceOf(DataError);
});
