import * as fs from 'fs';
import * as path from 'path';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { runMonitor } from '../../../src/engine/pipeline/runMonitor';
import { conformancePath, describeConformance } from '../../helpers/conformance';
import { tempDir, writeCaptures } from './pipelineHelpers';

const INTRO = 'amazon-sagemaker-examples/model_monitor_introduction';

describeConformance('runMonitor on the introduction example', () => {
  let dir: string;
  let baselineDir: string;

  beforeAll(async () => {
    dir = tempDir();
    baselineDir = path.join(dir, 'baseline');
    await runBaseline(
      {
        dataset: conformancePath(`${INTRO}/training-dataset-with-header.csv`),
        header: true,
        outputDir: baselineDir
      },
      nodeRuntime()
    );
  });

  function monitorOptions(dataset: string, outputDir: string) {
    return {
      dataset,
      outputDir,
      baselineStatistics: path.join(baselineDir, 'statistics.json'),
      baselineConstraints: path.join(baselineDir, 'constraints.json')
    };
  }

  it('finds data_type_check violations on Integral columns in captured test_sample.csv traffic', async () => {
    const lines = fs
      .readFileSync(conformancePath(`${INTRO}/test_sample.csv`), 'utf8')
      .trim()
      .split('\n');
    const captures = path.join(dir, 'captures');
    writeCaptures(captures, lines, '2024/01/01/10', 50);
    const out = path.join(dir, 'monitor');
    const summary = await runMonitor(monitorOptions(captures, out), nodeRuntime());
    expect(summary.itemCount).toBe(lines.length);
    const violations = JSON.parse(
      fs.readFileSync(path.join(out, 'constraint_violations.json'), 'utf8')
    ).violations;
    const typeChecks = violations.filter((v: any) => v.constraint_check_type === 'data_type_check');
    expect(typeChecks.length).toBeGreaterThan(0);
    expect(typeChecks.every((v: any) => /Expected data type: Integral/.test(v.description))).toBe(
      true
    );
    const stats = JSON.parse(fs.readFileSync(path.join(out, 'statistics.json'), 'utf8'));
    const baseline = JSON.parse(fs.readFileSync(path.join(baselineDir, 'statistics.json'), 'utf8'));
    expect(stats.features.map((f: any) => f.name)).toEqual(
      baseline.features.map((f: any) => f.name)
    );
  });

  it('reads only the capture hours inside [start, end)', async () => {
    const lines = fs
      .readFileSync(conformancePath(`${INTRO}/test_sample.csv`), 'utf8')
      .trim()
      .split('\n');
    const captures = path.join(dir, 'windowed');
    writeCaptures(captures, lines.slice(0, 30), '2024/01/01/09', 10);
    writeCaptures(captures, lines.slice(30, 50), '2024/01/01/10', 10);
    writeCaptures(captures, lines.slice(50, 60), '2024/01/01/11', 10);
    const window = {
      start: new Date('2024-01-01T10:00:00Z'),
      end: new Date('2024-01-01T11:00:00Z')
    };
    const summary = await runMonitor(
      { ...monitorOptions(captures, path.join(dir, 'w-out')), window },
      nodeRuntime()
    );
    expect(summary.itemCount).toBe(20);
  });

  it('writes only constraint_violations.json when columns are missing (headerless CSV of 69 columns)', async () => {
    const out = path.join(dir, 'missing');
    const summary = await runMonitor(
      monitorOptions(conformancePath(`${INTRO}/test_sample.csv`), out),
      nodeRuntime()
    );
    expect(summary.violations).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['constraint_violations.json', 'diagnostics.json']);
  });
});
