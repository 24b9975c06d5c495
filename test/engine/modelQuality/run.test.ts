/** The Node side of `model-quality monitor`: hour folders, label lateness, outputs. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runQualityBaseline, runQualityMonitor } from '../../../src/engine/node/modelQualityRun';

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function capture(eventId: string, probability: number): string {
  const output = {
    observedContentType: 'text/csv',
    mode: 'OUTPUT',
    data: `${probability}`,
    encoding: 'CSV'
  };
  return JSON.stringify({
    captureData: { endpointOutput: output },
    eventMetadata: { eventId },
    eventVersion: '0'
  });
}

function label(eventId: string, value: string): string {
  return JSON.stringify({
    groundTruthData: { data: value, encoding: 'CSV' },
    eventMetadata: { eventId }
  });
}

describe('runQualityMonitor', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mq-'));
  put(path.join(root, 'val.csv'), 'p,y\n0.9,1\n0.2,0\n0.7,1\n0.1,0\n');
  put(
    path.join(root, 'cap/2024/05/01/12/a.jsonl'),
    [capture('a', 0.9), capture('b', 0.8), capture('c', 0.4)].join('\n')
  );
  put(path.join(root, 'cap/2024/05/01/13/a.jsonl'), capture('z', 0.9));
  put(path.join(root, 'gt/2024/05/01/13/l.jsonl'), [label('a', '1'), label('b', '0')].join('\n'));
  put(path.join(root, 'gt/2024/05/02/20/l.jsonl'), label('c', '1'));
  const common = {
    problemType: 'BinaryClassification' as const,
    attributes: { probability: '0', groundTruth: 'y' }
  };

  async function monitor(latenessHours: number) {
    await runQualityBaseline({
      ...common,
      attributes: { probability: 'p', groundTruth: 'y' },
      dataset: path.join(root, 'val.csv'),
      header: true,
      outputDir: path.join(root, 'base')
    });
    return runQualityMonitor({
      ...common,
      captures: path.join(root, 'cap'),
      groundTruth: path.join(root, 'gt'),
      baselineConstraints: path.join(root, 'base/constraints.json'),
      window: { start: new Date('2024-05-01T12:00:00Z'), end: new Date('2024-05-01T13:00:00Z') },
      labelLatenessHours: latenessHours,
      outputDir: path.join(root, `out-${latenessHours}`)
    });
  }

  test('labels within the lateness join; later ones leave their capture unmatched', async () => {
    const summary = await monitor(24);
    expect(summary.join).toMatchObject({
      captures: 3,
      labels: 2,
      matched: 2,
      unmatchedCaptures: 1
    });
  });

  test('a longer lateness picks up the late label; violations are written', async () => {
    const summary = await monitor(48);
    expect(summary.join).toMatchObject({
      captures: 3,
      labels: 3,
      matched: 3,
      unmatchedCaptures: 0
    });
    const violations = JSON.parse(
      readFileSync(path.join(root, 'out-48/constraint_violations.json'), 'utf8')
    );
    expect(violations.violations.length).toBe(summary.violations);
    expect(violations.violations.map((v: { metric_name: string }) => v.metric_name)).toContain(
      'auc'
    );
    const statistics = readFileSync(path.join(root, 'out-48/statistics.json'), 'utf8');
    expect(statistics).toContain('"item_count" : 3,\n    "evaluation_time"');
  });
});
