/**
 * For test_deequ_agreement.py: profiles FILE as "Profile in Browser" does (the browser runtime,
 * the file streamed in 1000-byte chunks) and writes its statistics.json and constraints.json into
 * DIR. Usage: node browser_profile.cjs FILE DIR [--header]. Bundled with esbuild by the test.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { browserRuntime } from '../../src/engine/browser/browserRuntime';
import { runBaseline } from '../../src/engine/pipeline/runBaseline';

const CHUNK_BYTES = 1000;

async function main([file, output, flag]: string[]): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + CHUNK_BYTES));
      at += CHUNK_BYTES;
    }
  });
  const dataset = {
    path: file,
    files: [{ name: file, size: bytes.length }],
    open: async () => stream
  };
  const runtime = browserRuntime(dataset);
  await runBaseline(
    { dataset: file, header: flag === '--header', outputDir: '.', workers: 1, maxErrorRate: 1 },
    runtime
  );
  for (const name of ['statistics.json', 'constraints.json']) {
    writeFileSync(join(output, name), runtime.outputs.get(name) ?? '');
  }
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(4);
});
