import { tableToIPC, tableFromArrays } from 'apache-arrow';
import * as fs from 'fs';
import * as path from 'path';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { csvCaptureLine, tempDir } from './pipelineHelpers';

function statisticsOf(out: string): any {
  return JSON.parse(fs.readFileSync(path.join(out, 'statistics.json'), 'utf8'));
}

describe('dataset formats end to end', () => {
  it('detects Arrow IPC files and profiles their typed columns', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.arrow');
    fs.writeFileSync(
      file,
      tableToIPC(
        tableFromArrays({ x: new Float64Array([1.5, 2.5, 3]), s: ['a', 'b', 'a'] }),
        'file'
      )
    );
    const out = path.join(dir, 'out');
    await runBaseline({ dataset: file, outputDir: out }, nodeRuntime());
    const stats = statisticsOf(out);
    expect(stats.dataset.item_count).toBe(3);
    expect(stats.features.map((f: any) => [f.name, f.inferred_type])).toEqual([
      ['x', 'Fractional'],
      ['s', 'String']
    ]);
  });

  it('detects JSON lines and capture files by content', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.jsonl'), '{"b":1,"a":"x"}\n');
    fs.writeFileSync(path.join(dir, 'c.jsonl'), csvCaptureLine('1,2', '0.5') + '\n');
    await runBaseline(
      { dataset: path.join(dir, 'a.jsonl'), outputDir: path.join(dir, 'o1') },
      nodeRuntime()
    );
    expect(statisticsOf(path.join(dir, 'o1')).features.map((f: any) => f.name)).toEqual(['a', 'b']);
    await runBaseline(
      { dataset: path.join(dir, 'c.jsonl'), outputDir: path.join(dir, 'o2') },
      nodeRuntime()
    );
    expect(statisticsOf(path.join(dir, 'o2')).features.map((f: any) => f.name)).toEqual([
      '_c0',
      '_c1',
      '_c2'
    ]);
  });

  it('writes JSON-lines features in name order, also for keys first met in a later file', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'd'));
    fs.writeFileSync(path.join(dir, 'd', '1.jsonl'), '{"m":1}\n');
    fs.writeFileSync(path.join(dir, 'd', '2.jsonl'), '{"z":2,"a":3}\n');
    const out = path.join(dir, 'out');
    await runBaseline({ dataset: path.join(dir, 'd'), outputDir: out }, nodeRuntime());
    const stats = statisticsOf(out);
    expect(stats.features.map((f: any) => f.name)).toEqual(['a', 'm', 'z']);
    expect(stats.features[0].numerical_statistics.common).toEqual({
      num_present: 1,
      num_missing: 1
    });
  });

  it('runs a --preprocessor module on capture records', async () => {
    const dir = tempDir();
    const module = path.join(dir, 'pre.js');
    fs.writeFileSync(
      module,
      `exports.preprocess_handler = record => {
         const [a, b] = record.endpoint_input.data.split(',');
         return a === 'drop' ? [] : { '0': Number(a) * 10, '1': b === '' ? null : b };
       };`
    );
    const data = path.join(dir, 'c.jsonl');
    fs.writeFileSync(
      data,
      [csvCaptureLine('1,x', '0'), csvCaptureLine('drop,y', '0'), csvCaptureLine('2,', '0')].join(
        '\n'
      )
    );
    const out = path.join(dir, 'out');
    const summary = await runBaseline(
      { dataset: data, format: 'sagemaker_capture_json', preprocessorPath: module, outputDir: out },
      nodeRuntime()
    );
    expect(summary.records).toEqual({ records: 3, rejected: 0, rows: 2 });
    const stats = statisticsOf(out);
    expect(stats.features[0].numerical_statistics.sum).toBe(30);
    expect(stats.features[1].string_statistics.common).toEqual({ num_present: 1, num_missing: 1 });
  });
});
