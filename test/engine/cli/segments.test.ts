/**
 * Segmented runs (`--segment-by`): one pass gives each segment SageMaker's files, and each
 * segment's numbers equal a separate run over that segment's rows alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../pipeline/pipelineHelpers';
import { buildCli, runCli } from './cliRunner';

jest.setTimeout(180_000);

beforeAll(() => buildCli());

const dir = tempDir();
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
interface Entry {
  kind: string;
  value: string | null;
  folder: string;
  item_count: number;
  violations: number;
  baseline: string;
}
interface Violation {
  feature_name: string;
}
const index = (run: string): { segments: Entry[] } => JSON.parse(read(`${run}/segments.json`));

const REGIONS = ['north', 'south', 'east', 'west', 'far east'];
const HEADER = 'amount,count,plan,region,note';

/** Deterministic rows: numbers, a categorical, the segment column (some empty) and free text. */
function row(i: number, shift = 0): string[] {
  const region = i % 37 === 0 ? '' : REGIONS[(i * 7 + (i >> 4)) % REGIONS.length];
  const amount = ((i * 7919) % 1000) / 10 + (region === 'east' ? shift : 0);
  return [amount.toFixed(2), String(i % 13), ['basic', 'premium', 'pro'][i % 3], region, `n${i}`];
}

const rows = (count: number, shift = 0) => Array.from({ length: count }, (_, i) => row(i, shift));
const csv = (data: string[][]) => [HEADER, ...data.map(r => r.join(','))].join('\n') + '\n';

function captureLine(cells: string[], i: number, spaced: boolean): string {
  const payload = (data: string, mode: string) => ({
    observedContentType: 'text/csv',
    mode,
    data,
    encoding: 'CSV'
  });
  const record = {
    captureData: {
      endpointInput: payload(cells.join(','), 'INPUT'),
      endpointOutput: payload(String(i % 2), 'OUTPUT')
    },
    eventMetadata: {
      eventId: `e-${i}`,
      ...(i % 11 === 0 ? {} : { inferenceId: `model-${'abc'[i % 3]}` }),
      inferenceTime: '2024-05-01T13:00:00Z'
    },
    eventVersion: '0'
  };
  // Spaced lines are not in the envelope's exact shape: they take the reader's slow path.
  return spaced ? JSON.stringify(record, null, 1).replace(/\n/g, '') : JSON.stringify(record);
}

function expectSameFiles(segmented: string, separate: string, names: string[]): void {
  for (const name of names) {
    expect(read(`${segmented}/${name}`)).toBe(read(`${separate}/${name}`));
  }
}

function run(args: string[]): { summary: Record<string, unknown>; stderr: string } {
  const result = runCli(args, dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { summary: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('a segmented baseline', () => {
  const data = rows(3000);
  beforeAll(() => write('train.csv', csv(data)));

  it('gives each segment the files of a separate run over its rows', () => {
    const { summary } = run([
      'baseline',
      ...['--dataset', 'train.csv', '--header', '--output', 'base', '--segment-by', 'region']
    ]);
    expect(summary.segments).toBe(REGIONS.length + 1);
    const segments = index('base').segments;
    const firstSeen = [...new Set(data.map(r => r[3] || null))];
    expect(segments.map((s: Entry) => s.value)).toEqual(firstSeen);
    expect(segments[0]).toMatchObject({ kind: 'missing', folder: 'segments/01-missing' });
    const farEast = firstSeen.indexOf('far east') + 1;
    expect(segments[farEast - 1].folder).toBe(`segments/0${farEast}-far_east`);
    for (const segment of segments) {
      const value = segment.value ?? '';
      const mine = data.filter(r => r[3] === value);
      expect(segment.item_count).toBe(mine.length);
      write(`only-${segment.folder}.csv`, csv(mine));
      run([
        'baseline',
        '--dataset',
        `only-${segment.folder}.csv`,
        '--header',
        '--output',
        `only-${segment.folder}`
      ]);
      expectSameFiles(`base/${segment.folder}`, `only-${segment.folder}`, [
        'statistics.json',
        'constraints.json'
      ]);
    }
    // The whole dataset's files are those of an unsegmented run.
    run(['baseline', '--dataset', 'train.csv', '--header', '--output', 'whole']);
    expectSameFiles('base', 'whole', ['statistics.json', 'constraints.json']);
  });

  it('puts the values after the first --max-segments in "other"', () => {
    run([
      'baseline',
      ...['--dataset', 'train.csv', '--header', '--output', 'capped'],
      ...['--segment-by', 'region', '--max-segments', '2']
    ]);
    const segments = index('capped').segments;
    expect(segments.map((s: Entry) => [s.kind, s.folder])).toEqual([
      ['missing', 'segments/01-missing'],
      ['value', 'segments/02-east'],
      ['other', 'segments/other']
    ]);
    write('rest.csv', csv(data.filter(r => !['', 'east'].includes(r[3]))));
    run(['baseline', '--dataset', 'rest.csv', '--header', '--output', 'rest']);
    expectSameFiles('capped/segments/other', 'rest', ['statistics.json']);
  });
});

describe('a segmented monitoring run', () => {
  beforeAll(() => {
    write('train2.csv', csv(rows(3000)));
    run([
      'baseline',
      ...['--dataset', 'train2.csv', '--header', '--output', 'base2', '--segment-by', 'region']
    ]);
    // Current data: "east" drifts far out of its own range.
    write('current.csv', csv(rows(2000, 400)));
  });

  const monitor = (output: string, ...extra: string[]) =>
    run([
      'monitor',
      ...['--dataset', 'current.csv', '--header', '--output', output],
      ...['--baseline-statistics', 'base2/statistics.json'],
      ...['--baseline-constraints', 'base2/constraints.json', '--segment-by', 'region'],
      ...extra
    ]);
  const violationsOf = (run: string, value: string) => {
    const segment = index(run).segments.find((s: Entry) => s.value === value);
    return JSON.parse(read(`${run}/${segment!.folder}/constraint_violations.json`)).violations;
  };

  it('checks each segment against the baseline’s segment of the same value', () => {
    monitor('mon');
    const segments = index('mon').segments;
    expect(segments.every((s: Entry) => s.baseline === 'segment')).toBe(true);
    const east = violationsOf('mon', 'east');
    expect(east.map((v: Violation) => v.feature_name)).toContain('amount');
    expect(segments.find((s: Entry) => s.value === 'east')!.violations).toBe(east.length);
    expect(violationsOf('mon', 'north').map((v: Violation) => v.feature_name)).not.toContain(
      'amount'
    );
  });

  it('gives a segment the checks of a separate run of its rows against its baseline segment', () => {
    const current = rows(2000, 400).filter(r => r[3] === 'east');
    write('current-east.csv', csv(current));
    const folder = index('base2').segments.find((s: Entry) => s.value === 'east')!.folder;
    run([
      'monitor',
      ...['--dataset', 'current-east.csv', '--header', '--output', 'mon-east'],
      ...['--baseline-statistics', `base2/${folder}/statistics.json`],
      ...['--baseline-constraints', `base2/${folder}/constraints.json`]
    ]);
    const mine = index('mon').segments.find((s: Entry) => s.value === 'east')!.folder;
    expectSameFiles(`mon/${mine}`, 'mon-east', ['statistics.json', 'constraint_violations.json']);
  });

  it('fails on a segment’s violations with --fail-on-violations, when the whole has none', () => {
    // East's amounts are high; relabelling east as north and north as east leaves the whole alike.
    const train = rows(3000).map(r =>
      r[3] === 'east' ? [String(Number(r[0]) + 300), ...r.slice(1)] : r
    );
    const swap: Record<string, string> = { east: 'north', north: 'east' };
    write('swap-train.csv', csv(train));
    write('swap-current.csv', csv(train.map(r => [...r.slice(0, 3), swap[r[3]] ?? r[3], r[4]])));
    run([
      'baseline',
      '--dataset',
      'swap-train.csv',
      '--header',
      '--output',
      'swap-base',
      '--segment-by',
      'region'
    ]);
    const result = runCli(
      [
        'monitor',
        ...['--dataset', 'swap-current.csv', '--header', '--output', 'swap-mon'],
        ...['--baseline-statistics', 'swap-base/statistics.json'],
        ...['--baseline-constraints', 'swap-base/constraints.json', '--segment-by', 'region'],
        '--fail-on-violations'
      ],
      dir
    );
    const summary = JSON.parse(result.stdout);
    expect(summary.violations).toBe(0);
    const entries = index('swap-mon').segments;
    const inSegments = entries.reduce((sum: number, s: Entry) => sum + s.violations, 0);
    expect(entries.find((s: Entry) => s.value === 'north')!.violations).toBeGreaterThan(0);
    expect(summary.segmentViolations).toBe(inSegments);
    expect(result.code).toBe(3);
  });

  it('compares with the whole baseline when asked, leaving out the segment column', () => {
    monitor('mon-overall', '--segment-baseline', 'overall');
    const segments = index('mon-overall').segments;
    expect(segments.every((s: Entry) => s.baseline === 'overall')).toBe(true);
    // One value a segment: against the whole, the column would always drift.
    for (const segment of segments) {
      const file = JSON.parse(read(`mon-overall/${segment.folder}/constraint_violations.json`));
      expect(file.violations.map((v: Violation) => v.feature_name)).not.toContain('region');
      expect(read(`mon-overall/${segment.folder}/statistics.json`)).toContain('"region"');
    }
    expect(violationsOf('mon-overall', 'east').map((v: Violation) => v.feature_name)).toContain(
      'amount'
    );
  });

  it('leaves no index of an earlier segmented run in a folder it writes without segments', () => {
    monitor('mon-again');
    expect(fs.existsSync(path.join(dir, 'mon-again/segments.json'))).toBe(true);
    const result = runCli(
      [
        'monitor',
        ...['--dataset', 'current.csv', '--header', '--output', 'mon-again'],
        ...['--baseline-statistics', 'base2/statistics.json'],
        ...['--baseline-constraints', 'base2/constraints.json']
      ],
      dir
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).outputs.some((f: string) => f.endsWith('segments.json'))).toBe(
      false
    );
    expect(fs.existsSync(path.join(dir, 'mon-again/segments.json'))).toBe(false);
  });
});

describe('segments by a capture’s metadata field', () => {
  it('group capture rows by eventMetadata.<key>, on either reading path', () => {
    const data = rows(1200);
    const lines = data.map((r, i) => captureLine(r, i, i % 5 === 0));
    write('captures/2024/05/01/13/part.jsonl', lines.join('\n') + '\n');
    run([
      'baseline',
      ...['--dataset', 'captures', '--output', 'cap-base'],
      ...['--segment-by', 'eventMetadata.inferenceId']
    ]);
    const segments = index('cap-base').segments;
    expect(segments.map((s: Entry) => s.value)).toEqual([null, 'model-b', 'model-c', 'model-a']);
    for (const segment of segments) {
      const mine = lines.filter(line => {
        const id = JSON.parse(line).eventMetadata.inferenceId ?? null;
        return id === segment.value;
      });
      write(`cap-only/${segment.folder}/part.jsonl`, mine.join('\n') + '\n');
      run([
        'baseline',
        '--dataset',
        `cap-only/${segment.folder}`,
        '--output',
        `cap-only-out/${segment.folder}`
      ]);
      expectSameFiles(`cap-base/${segment.folder}`, `cap-only-out/${segment.folder}`, [
        'statistics.json'
      ]);
    }
  });

  it('are refused for input that is not captures', () => {
    const result = runCli(
      [
        'baseline',
        '--dataset',
        'train.csv',
        '--header',
        '--output',
        'x',
        '--segment-by',
        'eventMetadata.inferenceId'
      ],
      dir
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '--segment-by eventMetadata.inferenceId reads SageMaker captures'
    );
  });
});

describe('segment options', () => {
  it('name the column that is not there, and the columns that are', () => {
    const result = runCli(
      ['baseline', '--dataset', 'train.csv', '--header', '--output', 'y', '--segment-by', 'regoin'],
      dir
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--segment-by regoin');
    expect(result.stderr).toContain('columns: amount, count, plan, region, note');
  });

  it('refuse --max-segments alone and out of range', () => {
    const alone = runCli(
      ['baseline', '--dataset', 'train.csv', '--output', 'z', '--max-segments', '3'],
      dir
    );
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('go with --segment-by');
    const tooMany = runCli(
      [
        'baseline',
        '--dataset',
        'train.csv',
        '--output',
        'z',
        '--segment-by',
        'plan',
        '--max-segments',
        '1001'
      ],
      dir
    );
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('--max-segments');
  });
});
