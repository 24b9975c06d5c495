/**
 * The KLL sort in WebAssembly (assembly/sortDoubles.ts), under 1 KB, instantiated from bytes
 * bundled in the code (see instantiateWasm.ts). `wasmSortDoubles` sorts a Float64Array by copying it
 * into the module's memory and back; null where WebAssembly is unavailable.
 */
import { instantiateWasm } from './instantiateWasm';
import { SORT_DOUBLES_WASM_BASE64 } from './sortDoublesBinary';

interface SortDoublesExports {
  readonly memory: WebAssembly.Memory;
  valuesStart(): number;
  sort(n: number): void;
}

const PAGE_BYTES = 65536;

export function wasmSortDoubles(): ((values: Float64Array) => void) | null {
  const exports = instantiateWasm<SortDoublesExports>(SORT_DOUBLES_WASM_BASE64);
  if (exports === null) {
    return null;
  }
  const start = exports.valuesStart();
  let area = new Float64Array(0);
  return (values: Float64Array) => {
    const n = values.length;
    if (area.length < n || area.buffer !== exports.memory.buffer) {
      // The values and the keys' second array.
      const missing = start + 16 * n - exports.memory.buffer.byteLength;
      if (missing > 0) {
        exports.memory.grow(Math.ceil(missing / PAGE_BYTES));
      }
      area = new Float64Array(exports.memory.buffer, start, n);
    }
    const view = area.length === n ? area : area.subarray(0, n);
    view.set(values);
    exports.sort(n);
    values.set(view);
  };
}
