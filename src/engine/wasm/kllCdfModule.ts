/**
 * The KLL loops that run once per numeric feature, in WebAssembly (assembly/kllCdf.ts), instantiated
 * from bytes bundled in the code (see instantiateWasm.ts): a sketch's levels weighed, two weighed
 * sketches' CDFs at every value of either, and a sketch's weight below each bucket edge, copied
 * into and out of the module's memory. Null where WebAssembly is unavailable.
 */
import { instantiateWasm } from './instantiateWasm';
import { KLL_CDF_WASM_BASE64 } from './kllCdfBinary';
import { growMemoryTo } from './wasmMemory';

interface KllCdfExports {
  readonly memory: WebAssembly.Memory;
  start(): number;
  weighLevels(levels: number, n: number): number;
  itemsAt(levels: number): number;
  weighLevelsEnd(levels: number, n: number): number;
  cdfPair(na: number, nb: number): number;
  cdfPairEnd(na: number, nb: number): number;
  weighEdges(levels: number, n: number, edges: number): void;
  edgesAt(levels: number, n: number): number;
}

/** Distinct values, ascending, and the total weight of the items ≤ each. */
export interface WeighedItems {
  values: Float64Array;
  cumulativeWeights: Float64Array;
}

/** Two sketches' CDFs at every distinct value of either, and the gaps between them measured. */
export interface CdfPairArrays {
  values: Float64Array;
  baseline: Float64Array;
  current: Float64Array;
  largestGap: number;
  gapArea: number;
}

export interface WasmKllCdf {
  /** A sketch's levels (level 0 first) weighed; undefined when an item is NaN. */
  weighLevels(levels: readonly (readonly number[])[]): WeighedItems | undefined;
  /** Both CDFs at every value of either; the sketches must each hold at least one value. */
  cdfPair(baseline: WeighedItems, current: WeighedItems): CdfPairArrays;
  /**
   * For KLL levels (level 0 first), the total weight of the items below each edge, and for the last
   * edge of those ≤ it (a NaN last edge is the caller's to map).
   */
  weighEdges(levels: readonly Float64Array[], edges: readonly number[]): number[];
}

let shared: WasmKllCdf | null | undefined;

/** One instance for the whole process, made on first use. */
export function sharedKllCdf(): WasmKllCdf | null {
  if (shared === undefined) {
    shared = wasmKllCdf();
  }
  return shared;
}

export function wasmKllCdf(): WasmKllCdf | null {
  const wasm = instantiateWasm<KllCdfExports>(KLL_CDF_WASM_BASE64);
  if (wasm === null) {
    return null;
  }
  const start = wasm.start();
  /** n doubles of the module's memory from byte `at` (a view: copy before the next call). */
  const doubles = (at: number, n: number) => new Float64Array(wasm.memory.buffer, at, n);
  /**
   * Level lengths and items written as `weighLevels` and `weighEdges` read them, with memory for
   * `weighLevels` and `extraBytes` more; returns the number of items.
   */
  const writeLevels = (levels: readonly ArrayLike<number>[], extraBytes: number): number => {
    const n = levels.reduce((sum, level) => sum + level.length, 0);
    growMemoryTo(wasm.memory, wasm.weighLevelsEnd(levels.length, n) + extraBytes);
    new Int32Array(wasm.memory.buffer, start, levels.length).set(levels.map(l => l.length));
    const items = doubles(wasm.itemsAt(levels.length), n);
    let offset = 0;
    for (const level of levels) {
      items.set(level, offset);
      offset += level.length;
    }
    return n;
  };
  return {
    weighLevels: levels => {
      const n = writeLevels(levels, 0);
      const count = wasm.weighLevels(levels.length, n);
      if (count < 0) {
        return undefined;
      }
      return {
        values: doubles(start, count).slice(),
        cumulativeWeights: doubles(start + 8 * count, count).slice()
      };
    },
    cdfPair: (baseline, current) => {
      const na = baseline.values.length;
      const nb = current.values.length;
      growMemoryTo(wasm.memory, wasm.cdfPairEnd(na, nb));
      const input = doubles(start, 2 * (na + nb));
      input.set(baseline.values, 0);
      input.set(baseline.cumulativeWeights, na);
      input.set(current.values, 2 * na);
      input.set(current.cumulativeWeights, 2 * na + nb);
      const m = wasm.cdfPair(na, nb);
      const output = start + 16 * (na + nb);
      const [largestGap, gapArea] = doubles(output + 24 * m, 2);
      return {
        values: doubles(output, m).slice(),
        baseline: doubles(output + 8 * m, m).slice(),
        current: doubles(output + 16 * m, m).slice(),
        largestGap,
        gapArea
      };
    },
    weighEdges: (levels, edges) => {
      const n = writeLevels(levels, 8 * edges.length);
      const at = wasm.edgesAt(levels.length, n);
      doubles(at, edges.length).set(edges);
      wasm.weighEdges(levels.length, n, edges.length);
      return Array.from(doubles(at, edges.length));
    }
  };
}
