import { sharedKllCdf, WasmKllCdf, WeighedItems } from '../../wasm/kllCdfModule';

/**
 * A KLL sketch as written in statistics.json (`sketch.data`, level 0 first), read as a weighted
 * sample: an item on level h stands for 2^h values (FORMATS.md §7.3).
 */
export class WeightedSketch {
  private constructor(
    /** Distinct item values, ascending. */
    readonly values: Float64Array,
    /** cumulativeWeights[i] = total weight of items ≤ values[i]. */
    readonly cumulativeWeights: Float64Array,
    /** Whether an item is NaN (then `cdfs` searches rather than walks). */
    readonly hasNaN: boolean
  ) {}

  /**
   * Weighed in WebAssembly where it is available, with the same results: this runs once per
   * feature, so as JavaScript it runs cold. `kllCdf` null weighs in JavaScript, as a sketch with a
   * NaN item always is.
   */
  static fromLevels(
    levels: readonly (readonly number[])[],
    kllCdf: WasmKllCdf | null = sharedKllCdf()
  ): WeightedSketch {
    const weighed = kllCdf?.weighLevels(levels);
    if (weighed) {
      return new WeightedSketch(weighed.values, weighed.cumulativeWeights, false);
    }
    const { values, cumulativeWeights } = weighLevelsInJs(levels);
    return new WeightedSketch(values, cumulativeWeights, values.some(Number.isNaN));
  }

  get totalWeight(): number {
    const n = this.cumulativeWeights.length;
    return n === 0 ? 0 : this.cumulativeWeights[n - 1];
  }

  /** Weight of items ≤ x. */
  rank(x: number): number {
    return this.weightBefore(this.countAtMost(x));
  }

  /** Weight of items < x. */
  rankExclusive(x: number): number {
    return this.weightBefore(this.countBelow(x));
  }

  /** Empirical CDF: rank(x) / totalWeight. */
  cdf(x: number): number {
    return this.rank(x) / this.totalWeight;
  }

  /**
   * `cdf(x)` for every x of `xs` in one forward walk, where xs ascend as `mergedValues` gives them.
   * A NaN can sit anywhere in either list (merges put it before larger numbers): then, and for any
   * x out of order, the binary search answers, so the results are `cdf`'s in every case.
   */
  cdfs(xs: Float64Array): Float64Array {
    const result = new Float64Array(xs.length);
    const total = this.totalWeight;
    const walkable = !this.hasNaN;
    let atMost = 0;
    let previous = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (!walkable || !(x >= previous)) {
        result[i] = this.cdf(x);
        continue;
      }
      while (atMost < this.values.length && this.values[atMost] <= x) {
        atMost++;
      }
      previous = x;
      result[i] = this.weightBefore(atMost) / total;
    }
    return result;
  }

  private weightBefore(distinctCount: number): number {
    return distinctCount === 0 ? 0 : this.cumulativeWeights[distinctCount - 1];
  }

  /** Number of distinct values ≤ x (binary search). */
  private countAtMost(x: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.values[mid] <= x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Number of distinct values < x. */
  private countBelow(x: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.values[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}

/**
 * Each level sorted natively, then merged in: an item on level h weighs 2^h. Weights are whole
 * numbers, so their sums are exact whatever the order equal values meet in.
 */
function weighLevelsInJs(levels: readonly (readonly number[])[]): WeighedItems {
  let values: Float64Array = new Float64Array(0);
  let weights: Float64Array = new Float64Array(0);
  levels.forEach((level, height) => {
    const sorted = new Float64Array(level).sort();
    [values, weights] = mergeLevel(values, weights, sorted, 2 ** height);
  });
  const distinct = new Float64Array(values.length);
  const cumulative = new Float64Array(values.length);
  let count = 0;
  let running = 0;
  for (let i = 0; i < values.length; i++) {
    running += weights[i];
    if (count > 0 && distinct[count - 1] === values[i]) {
      cumulative[count - 1] = running;
    } else {
      distinct[count] = values[i];
      cumulative[count] = running;
      count++;
    }
  }
  return { values: distinct.slice(0, count), cumulativeWeights: cumulative.slice(0, count) };
}

/** Distinct values of both sketches, ascending (both lists are ascending and distinct). */
export function mergedValues(a: WeightedSketch, b: WeightedSketch): Float64Array {
  const x = a.values;
  const y = b.values;
  const merged = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
    if (n === 0 || merged[n - 1] !== next) {
      merged[n++] = next;
    }
  }
  return merged.slice(0, n);
}

/** Sorted `values` (with `weights`) and sorted `level` (each item weighing `weight`), merged. */
function mergeLevel(
  values: Float64Array,
  weights: Float64Array,
  level: Float64Array,
  weight: number
): [Float64Array, Float64Array] {
  const mergedValues = new Float64Array(values.length + level.length);
  const mergedWeights = new Float64Array(mergedValues.length);
  let i = 0;
  let j = 0;
  for (let n = 0; n < mergedValues.length; n++) {
    if (j >= level.length || (i < values.length && values[i] <= level[j])) {
      mergedValues[n] = values[i];
      mergedWeights[n] = weights[i++];
    } else {
      mergedValues[n] = level[j++];
      mergedWeights[n] = weight;
    }
  }
  return [mergedValues, mergedWeights];
}
