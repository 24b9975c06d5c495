// Bundles the `model-monitor` CLI and its worker-thread entry with esbuild into dist/ (two files
// side by side: the CLI starts workers from the file next to it), then copies both into
// jupyterlab_model_monitor/bin/ so the Python wheel ships them.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const wheelBin = join(root, 'jupyterlab_model_monitor', 'bin');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning'
};

const outputs = [
  { entry: 'src/engine/cli.ts', file: 'model-monitor.cjs', banner: '#!/usr/bin/env node' },
  { entry: 'src/engine/node/workerEntry.ts', file: 'model-monitor-worker.cjs' }
];

mkdirSync(dist, { recursive: true });
mkdirSync(wheelBin, { recursive: true });
for (const { entry, file, banner } of outputs) {
  const outfile = join(dist, file);
  await build({
    ...common,
    entryPoints: [join(root, entry)],
    outfile,
    banner: banner ? { js: banner } : undefined
  });
  chmodSync(outfile, 0o755);
  copyFileSync(outfile, join(wheelBin, file));
  chmodSync(join(wheelBin, file), 0o755);
}
console.log(
  `built ${outputs.map(o => join('dist', o.file)).join(', ')} (copied to jupyterlab_model_monitor/bin/)`
);
