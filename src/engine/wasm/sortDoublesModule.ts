/**
 * The KLL sort in WebAssembly (assembly/sortDoubles.ts), about 1 KB, instantiated from bytes
 * bundled in the code (see instantiateWasm.ts). `wasmSortDoubles` sorts a Float64Array, and merges
 * one made of ascending runs, by copying it into the module's memory and back; null where
 * WebAssembly is unavailable.
 */
import { instantiateWasm } from './instantiateWasm';
import { SORT_DOUBLES_WASM_BASE64 } from './sortDoublesBinary';
import { growMemoryTo } from './wasmMemory';

interface SortDoublesExports {
  readonly memory: WebAssembly.Memory;
  valuesStart(): number;
  sort(n: number): void;
  mergeRuns(n: number, runs: number): void;
  sortOrMerge(n: number): void;
}

export interface WasmSort {
  sort(values: Float64Array): void;
  /** Merges the ascending runs of `values` (no NaN) that start at `starts` (the first 0). */
  mergeRuns(values: Float64Array, starts: number[]): void;
  /** Sorts `values`, merging them when they are a few ascending runs without NaN (faster). */
  sortOrMerge(values: Float64Array): void;
}

/**
 * Merging is used for at most this many ascending runs: assembly/sortDoubles.ts's MAX_RUNS, so also
 * the most run starts `sortOrMerge` writes (after the values and their spare).
 */
export const MAX_RUNS = 4;

export function wasmSortDoubles(): WasmSort | null {
  const wasm = instantiateWasm<SortDoublesExports>(SORT_DOUBLES_WASM_BASE64);
  if (wasm === null) {
    return null;
  }
  const start = wasm.valuesStart();
  /** The first n doubles of the module's values, memory grown for them, their spare and `extra`. */
  const area = (n: number, extra = 0): Float64Array => {
    growMemoryTo(wasm.memory, start + 16 * n + extra);
    return new Float64Array(wasm.memory.buffer, start, n);
  };
  return {
    sort: values => {
      const view = area(values.length);
      view.set(values);
      wasm.sort(values.length);
      values.set(view);
    },
    mergeRuns: (values, starts) => {
      const n = values.length;
      const view = area(n, 4 * starts.length);
      view.set(values);
      new Int32Array(wasm.memory.buffer, start + 16 * n, starts.length).set(starts);
      wasm.mergeRuns(n, starts.length);
      values.set(view);
    },
    sortOrMerge: values => {
      const view = area(values.length, 4 * MAX_RUNS);
      view.set(values);
      wasm.sortOrMerge(values.length);
      values.set(view);
    }
  };
}
