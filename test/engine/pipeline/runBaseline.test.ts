import * as fs from 'fs';
import * as path from 'path';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { splitFile } from '../../../src/engine/node/splitFile';
import { CancelledError, DataError } from '../../../src/engine/errors';
import { mergeProfiles } from '../../../src/engine/pipeline/mergeProfiles';
import { profileDataset } from '../../../src/engine/pipeline/profileDataset';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { conformancePath, describeConformance } from '../../helpers/conformance';
import { expectSameStatistics, tempDir } from './pipelineHelpers';

describe('runBaseline', () => {
  it('writes statistics.json, constraints.json and diagnostics.json, with no temporary files left', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, 'a,b\n1,x\n2,y\nbad\n3,x\n');
    const out = path.join(dir, 'out');
    const summary = await runBaseline(
      { dataset: data, header: true, outputDir: out, maxErrorRate: 0.5 },
      nodeRuntime()
    );
    expect(fs.readdirSync(out).sort()).toEqual([
      'constraints.json',
      'diagnostics.json',
      'statistics.json'
    ]);
    expect(summary.itemCount).toBe(3);
    expect(summary.records).toEqual({ records: 4, rejected: 1, rows: 3 });
    const diagnostics = JSON.parse(fs.readFileSync(path.join(out, 'diagnostics.json'), 'utf8'));
    expect(diagnostics.counts).toEqual({ column_count: 1 });
    expect(diagnostics.examples[0]).toMatchObject({ file: data, line: 4, kind: 'column_count' });
  });

  // Linux names each open file in /proc/self/fd.
  (fs.existsSync('/proc/self/fd') ? it : it.skip)(
    'closes a file whose reader failed part-way',
    async () => {
      const dir = tempDir();
      const data = path.join(dir, 'wide.csv');
      fs.writeFileSync(data, 'a,b,c,d,e\n' + '1,2,3,4,5\n'.repeat(20_000));
      const openOnData = () =>
        fs.readdirSync('/proc/self/fd').filter(fd => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`) === data;
          } catch {
            return false; // closed since listed
          }
        });
      for (const workers of [1, 2]) {
        await expect(
          runBaseline(
            {
              dataset: data,
              header: true,
              outputDir: path.join(dir, 'out'),
              maxFields: 4,
              workers
            },
            nodeRuntime()
          )
        ).rejects.toThrow('wide.csv:1: 5 fields');
        expect(openOnData()).toEqual([]);
      }
    }
  );

  it('fails with a DataError past --max-error-rate, writing only diagnostics.json', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.jsonl');
    fs.writeFileSync(data, '{"a":1}\nnot json\n{"a":2}\n');
    const out = path.join(dir, 'out');
    await expect(
      runBaseline({ dataset: data, outputDir: out, maxErrorRate: 0.2 }, nodeRuntime())
    ).rejects.toThrow(DataError);
    expect(fs.readdirSync(out)).toEqual(['diagnostics.json']);
  });

  it('stops on an aborted signal and writes nothing', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, '1\n2\n');
    const controller = new AbortController();
    controller.abort();
    const out = path.join(dir, 'out');
    await expect(
      runBaseline({ dataset: data, outputDir: out, signal: controller.signal }, nodeRuntime())
    ).rejects.toThrow(CancelledError);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reports progress: bytes read of the total, and rows', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, '1\n2\n3\n');
    const events: any[] = [];
    await runBaseline(
      { dataset: data, outputDir: path.join(dir, 'out'), onProgress: e => events.push(e) },
      nodeRuntime()
    );
    expect(events[0]).toEqual({
      type: 'start',
      command: 'baseline',
      files: 1,
      bytesTotal: 6,
      workers: 1
    });
    expect(events.filter(e => e.type === 'progress').pop()).toEqual({
      type: 'progress',
      bytesRead: 6,
      bytesTotal: 6,
      rows: 3
    });
  });

  it('reads a folder in lexicographic path order, skipping hidden and marker files', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'd', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'd', 'b', '1.csv'), '3\n');
    fs.writeFileSync(path.join(dir, 'd', 'a.csv'), '1\n2\n');
    fs.writeFileSync(path.join(dir, 'd', '_SUCCESS'), '');
    fs.writeFileSync(path.join(dir, 'd', '.hidden.csv'), 'x\n');
    const out = path.join(dir, 'out');
    await runBaseline(
      { dataset: path.join(dir, 'd'), outputDir: out, generation: '2021' },
      nodeRuntime()
    );
    const stats = JSON.parse(fs.readFileSync(path.join(out, 'statistics.json'), 'utf8'));
    expect(stats.features[0].numerical_statistics.distribution.kll.sketch.data).toEqual([
      [1, 2, 3]
    ]);
  });
});

describe('splitting big files for several workers', () => {
  function writeCsv(dir: string, rows: number): string {
    const file = path.join(dir, 'big.csv');
    const lines = ['id,value,label'];
    for (let i = 0; i < rows; i++) {
      lines.push(`${i},${(i * 0.37).toFixed(2)},${i % 3 === 0 ? 'a' : 'b'}`);
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  it('cuts at line boundaries with first line numbers and the header names', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 1000);
    const size = fs.statSync(file).size;
    const parts = await splitFile({ file, size, pieceBytes: 2000, csv: true, header: true });
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.reduce((n, p) => n + p.bytes, 0)).toBe(size);
    const text = fs.readFileSync(file, 'utf8');
    for (const part of parts.slice(1)) {
      expect(text[part.start! - 1]).toBe('\n');
      expect(text.slice(0, part.start).split('\n').length).toBe(part.firstLine);
      expect(part.columnNames).toEqual(['id', 'value', 'label']);
    }
  });

  it('cuts a file of several read chunks, the header names read from the first', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 600_000);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(9 << 20);
    const parts = await splitFile({ file, size, pieceBytes: 1 << 20, csv: true, header: true });
    expect(parts.length).toBeGreaterThan(8);
    expect(parts.reduce((n, p) => n + p.bytes, 0)).toBe(size);
    const text = fs.readFileSync(file, 'latin1');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const part of parts.slice(1)) {
      expect(text[part.start! - 1]).toBe('\n');
      expect(part.firstLine).toBe(lineOf(part.start!));
      expect(part.columnNames).toEqual(['id', 'value', 'label']);
    }
  });

  it('does not cut CSV files that contain quotes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'q.csv');
    fs.writeFileSync(file, 'a\n"x\ny"\n'.repeat(500));
    const parts = await splitFile({
      file,
      size: fs.statSync(file).size,
      pieceBytes: 100,
      csv: true,
      header: false
    });
    expect(parts).toHaveLength(1);
  });

  it('gives the same counts and sums with split parts on several tasks as with one', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 5000);
    const one = path.join(dir, 'one');
    const many = path.join(dir, 'many');
    await runBaseline(
      { dataset: file, header: true, outputDir: one, workers: 1 },
      nodeRuntime({ splitBytes: 4096 })
    );
    const summary = await runBaseline(
      { dataset: file, header: true, outputDir: many, workers: 3 },
      nodeRuntime({ splitBytes: 4096, workerScript: '/nonexistent' })
    );
    expect(summary.records.rows).toBe(5000);
    expectSameStatistics(path.join(many, 'statistics.json'), path.join(one, 'statistics.json'));
  });
});

describe('profile and merge', () => {
  it('merging the profiles of two halves counts like profiling the whole', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.csv'), '1,x\n2,y\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), '3,x\n,z\n');
    fs.writeFileSync(path.join(dir, 'all.csv'), '1,x\n2,y\n3,x\n,z\n');
    const runtime = nodeRuntime();
    await profileDataset(
      { dataset: path.join(dir, 'a.csv'), output: path.join(dir, 'p', 'a.json') },
      runtime
    );
    await profileDataset(
      { dataset: path.join(dir, 'b.csv'), output: path.join(dir, 'p', 'b.json') },
      runtime
    );
    await profileDataset(
      { dataset: path.join(dir, 'all.csv'), output: path.join(dir, 'p', 'all.json') },
      runtime
    );
    const summary = await mergeProfiles(
      {
        profiles: [path.join(dir, 'p', 'a.json'), path.join(dir, 'p', 'b.json')],
        output: path.join(dir, 'p', 'ab.json')
      },
      runtime
    );
    expect(summary.itemCount).toBe(4);
    const merged = JSON.parse(fs.readFileSync(path.join(dir, 'p', 'ab.json'), 'utf8'));
    const whole = JSON.parse(fs.readFileSync(path.join(dir, 'p', 'all.json'), 'utf8'));
    expect(merged.profile).toEqual(whole.profile);
    expect(merged.records).toEqual(whole.records);
  });
});

describeConformance('runBaseline on the real 2021 data-quality input', () => {
  it('writes statistics.json and constraints.json byte-equal to SageMaker (one worker, 2021 layout)', async () => {
    const out = tempDir();
    await runBaseline(
      {
        dataset: conformancePath(
          'sagemaker-python-sdk/quality_check_step/data_quality/baseline_dataset.csv',
          true
        ),
        outputDir: out,
        workers: 1,
        generation: '2021'
      },
      nodeRuntime()
    );
    for (const name of ['statistics.json', 'constraints.json']) {
      const real = fs.readFileSync(
        conformancePath(`sagemaker-python-sdk/quality_check_step/data_quality/${name}`),
        'utf8'
      );
      expect(fs.readFileSync(path.join(out, name), 'utf8')).toBe(real);
    }
  });
});
