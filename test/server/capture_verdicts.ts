/**
 * For test_capture_readers_agree.py: reads capture lines on stdin and prints, one line each, the
 * engine reader's verdict on it: the rows (cells as JSON) or the rejection's `kind:field`. Warnings
 * are not verdicts. Bundled with esbuild by the test and run on Node.
 */
import { readFileSync } from 'fs';
import { DiagnosticsCollector } from '../../src/engine/diagnostics';
import { captureLineRows } from '../../src/engine/io/captureRecord';
import { createReadContext } from '../../src/engine/io/readContext';

const WARNINGS = new Set(['template_time', 'encoding_mismatch']);

for (const line of readFileSync(0, 'utf8').split('\n')) {
  const ctx = createReadContext('stdin', new DiagnosticsCollector(100));
  const rows = captureLineRows(line, 1, ctx, new Map());
  const rejected = ctx.diagnostics.summary().examples.filter(d => !WARNINGS.has(d.kind));
  process.stdout.write(
    (rejected.length > 0
      ? `${rejected[0].kind}:${rejected[0].field ?? ''}`
      : JSON.stringify(rows)) + '\n'
  );
}
