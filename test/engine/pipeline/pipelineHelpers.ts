import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mm-test-'));
}

/** One capture record line with CSV payloads (prediction first in the row). */
export function csvCaptureLine(inputCsv: string, outputCsv: string, eventId = 'e'): string {
  return JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'text/csv',
        mode: 'INPUT',
        data: inputCsv,
        encoding: 'CSV'
      },
      endpointOutput: {
        observedContentType: 'text/csv; charset=utf-8',
        mode: 'OUTPUT',
        data: outputCsv,
        encoding: 'CSV'
      }
    },
    eventMetadata: { eventId, inferenceTime: '2024-01-01T00:00:00Z' },
    eventVersion: '0'
  });
}

/** Writes the rows of a headerless CSV as capture files under `dir/yyyy/mm/dd/HH/`, `perFile` records each. */
export function writeCaptures(
  dir: string,
  csvLines: string[],
  hour: string,
  perFile: number
): string[] {
  const folder = path.join(dir, ...hour.split('/'));
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < csvLines.length; i += perFile) {
    const file = path.join(folder, `${String(i).padStart(6, '0')}.jsonl`);
    const lines = csvLines
      .slice(i, i + perFile)
      .map((line, j) => csvCaptureLine(line, String((i + j) % 2), `e${i + j}`));
    fs.writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}

/**
 * Counts, types, min/max and Integral sums must match exactly across worker counts; a Fractional
 * sum is a double sum whose grouping changes with the split, so it matches to rounding only.
 */
export function expectSameStatistics(actualPath: string, expectedPath: string): void {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
  const actual = read(actualPath);
  const expected = read(expectedPath);
  expect(actual.dataset).toEqual(expected.dataset);
  expect(actual.features.map((f: any) => [f.name, f.inferred_type])).toEqual(
    expected.features.map((f: any) => [f.name, f.inferred_type])
  );
  actual.features.forEach((feature: any, i: number) => {
    const a = feature.numerical_statistics ?? feature.string_statistics;
    const e = expected.features[i].numerical_statistics ?? expected.features[i].string_statistics;
    expect(a.common).toEqual(e.common);
    if (feature.inferred_type === 'Integral') {
      expect([a.sum, a.min, a.max]).toEqual([e.sum, e.min, e.max]);
    } else if (feature.inferred_type === 'Fractional') {
      expect([a.min, a.max]).toEqual([e.min, e.max]);
      expect(Math.abs(a.sum - e.sum)).toBeLessThanOrEqual(Math.abs(e.sum) * 1e-12);
    }
  });
}
