/**
 * The engine's WebAssembly modules are bundled in the code as base64 and compiled synchronously:
 * each is a few KB, under browsers' limit for synchronous compilation on a main thread, so every
 * runtime (Node CLI and its worker threads, the browser worker, jest) has them at import time, with
 * no file to find and no await.
 */
import { decodeBase64 } from '../io/base64';

/** A new instance of the module in `base64`; null where WebAssembly is missing or refused (a CSP). */
export function instantiateWasm<Exports>(base64: string): Exports | null {
  if (typeof WebAssembly !== 'object') {
    return null;
  }
  try {
    const module = new WebAssembly.Module(decodeBase64(base64) as Uint8Array<ArrayBuffer>);
    return new WebAssembly.Instance(module, {}).exports as unknown as Exports;
  } catch {
    return null;
  }
}
