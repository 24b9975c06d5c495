// Bundles the `model-monitor` CLI (a launcher and the CLI itself), its worker-thread entry and its
// report command with esbuild into dist/ (side by side: each loads the others from next to it),
// then copies them into jupyterlab_model_monitor/bin/ so the Python wheel ships them.
import { createHash } from 'crypto';
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'fs';
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
  logLevel: 'warning',
  // The Python host of record preprocessors (src/engine/node/recordPreprocessorHost.py).
  loader: { '.py': 'text' }
};

// The report command (with Vega) is a bundle of its own, which the CLI requires only for `report`:
// the other commands start without parsing Vega. A require, not an import(): the launcher runs the
// CLI bundle as a vm.Script, where Node 20 has no dynamic import.
const REPORT_FILE = 'model-monitor-report.cjs';
const reportApart = {
  name: 'report-apart',
  setup(build) {
    build.onResolve({ filter: /\/cliReportCommand$/ }, () => ({
      path: REPORT_FILE,
      namespace: 'report-apart'
    }));
    build.onLoad({ filter: /.*/, namespace: 'report-apart' }, () => ({
      contents: `module.exports = require('./${REPORT_FILE}');`,
      loader: 'js'
    }));
    build.onResolve({ filter: new RegExp(`^\\./${REPORT_FILE}$`) }, args => ({
      path: args.path,
      external: true
    }));
  }
};

const CLI_FILE = 'model-monitor-cli.cjs';
const outputs = [
  { entry: 'src/engine/cli.ts', file: CLI_FILE, plugins: [reportApart] },
  // The command: a small launcher that runs the CLI bundle with V8's code cache (launcher.ts),
  // built after it, as it carries the bundle's hash.
  {
    entry: 'src/engine/node/launcher.ts',
    file: 'model-monitor.cjs',
    banner: '#!/usr/bin/env node',
    define: () => ({ CLI_BUNDLE_SHA256: JSON.stringify(sha256Of(join(dist, CLI_FILE))) })
  },
  { entry: 'src/engine/node/workerEntry.ts', file: 'model-monitor-worker.cjs' },
  { entry: 'src/engine/node/cliReportCommand.ts', file: REPORT_FILE, minify: true }
];

mkdirSync(dist, { recursive: true });
mkdirSync(wheelBin, { recursive: true });
function sha256Of(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

for (const { entry, file, banner, plugins, minify, define } of outputs) {
  const outfile = join(dist, file);
  await build({
    ...common,
    entryPoints: [join(root, entry)],
    outfile,
    banner: banner ? { js: banner } : undefined,
    plugins,
    minify,
    define: define?.()
  });
  chmodSync(outfile, 0o755);
  copyFileSync(outfile, join(wheelBin, file));
  chmodSync(join(wheelBin, file), 0o755);
}
console.log(
  `built ${outputs.map(o => join('dist', o.file)).join(', ')} (copied to jupyterlab_model_monitor/bin/)`
);
