import { execFileSync } from 'child_process';
import { join } from 'path';

/** A wasm module as scripts/build-wasm.mjs compiles it from its AssemblyScript source now. */
export function compiledWasm(module: 'xxhash64' | 'csvScan' | 'sortDoubles' | 'kllCdf'): Buffer {
  const root = join(__dirname, '..', '..');
  const base64 = execFileSync(
    process.execPath,
    [join(root, 'scripts', 'build-wasm.mjs'), '--print', module],
    { cwd: root, encoding: 'utf8' }
  );
  return Buffer.from(base64, 'base64');
}
