import * as fs from 'fs';
import * as path from 'path';
import { formatJavaDouble } from '../../../src/engine/format/javaDouble';
import { resolveMonitoringSettings } from '../../../src/engine/monitor/monitoringSettings';
import { parseDriftDistance } from '../../../src/engine/monitor/parseDriftDistance';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { runBaseline } from '../../../src/engine/pipeline/runBaseline';
import { runMonitor } from '../../../src/engine/pipeline/runMonitor';
import { ComparisonModel } from '../../../src/models/ComparisonModel';
import { tempDir } from './pipelineHelpers';

// #18 item 1: the comparison view showed the raw L∞ (0.378783) where the run's violation said
// 0.32804872975747007 (after the Robust correction), and painted red features no check reported.
function rows(count: number, shift: number): string {
  const lines = ['score,charges,tenure,plan'];
  for (let i = 0; i < count; i++) {
    const u = ((i * 7919) % count) / count;
    const charges = (20 + 100 * u + shift * 40 * u * u).toFixed(2);
    const plan = ['basic', 'plus', 'pro'][(i + (shift && i % 4 === 0 ? 1 : 0)) % 3];
    lines.push(`${(u * 0.9).toFixed(3)},${charges},${(i * 13) % 72},${plan}`);
  }
  return lines.join('\n') + '\n';
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

test('the comparison shows the drift check’s own numbers, and red only for its violations', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'train.csv'), rows(2000, 0));
  fs.writeFileSync(path.join(dir, 'current.csv'), rows(600, 1));
  const baselineDir = path.join(dir, 'baseline');
  const runDir = path.join(dir, 'run');
  await runBaseline(
    { dataset: path.join(dir, 'train.csv'), header: true, outputDir: baselineDir, workers: 1 },
    nodeRuntime()
  );
  await runMonitor(
    {
      dataset: path.join(dir, 'current.csv'),
      header: true,
      outputDir: runDir,
      baselineStatistics: path.join(baselineDir, 'statistics.json'),
      baselineConstraints: path.join(baselineDir, 'constraints.json'),
      workers: 1
    },
    nodeRuntime()
  );
  const violations = read(path.join(runDir, 'constraint_violations.json'));
  const constraints = read(path.join(baselineDir, 'constraints.json'));
  const model = new ComparisonModel(
    read(path.join(baselineDir, 'statistics.json')),
    read(path.join(runDir, 'statistics.json')),
    violations,
    resolveMonitoringSettings(constraints.monitoring_config)
  );
  const drifts = violations.violations.filter(
    (v: any) => v.constraint_check_type === 'baseline_drift_check'
  );
  expect(drifts.length).toBeGreaterThan(0); // the data drifts: the test can fail
  for (const violation of drifts) {
    const feature = model.features.find(f => f.name === violation.feature_name)!;
    const stated = parseDriftDistance(violation.description)!;
    expect([feature.name, formatJavaDouble(feature.drift!)]).toEqual([
      feature.name,
      formatJavaDouble(stated.distance)
    ]);
    expect(feature.driftThreshold).toBe(stated.threshold);
    expect(feature.rawDrift).toBeGreaterThan(feature.drift!); // the Robust correction
  }
  const red = model.features.filter(f => f.drifted).map(f => f.name);
  expect(red.sort()).toEqual(drifts.map((v: any) => v.feature_name).sort());
  expect(model.driftedCount).toBe(drifts.length);
  // Without the violations file, the view decides as the check would: the same features.
  const alone = new ComparisonModel(
    model.baseline,
    model.current,
    undefined,
    resolveMonitoringSettings(constraints.monitoring_config)
  );
  expect(
    alone.features
      .filter(f => f.drifted)
      .map(f => f.name)
      .sort()
  ).toEqual(red.sort());
});
