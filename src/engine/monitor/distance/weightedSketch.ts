/**
 * A KLL sketch as written in statistics.json (`sketch.data`, level 0 first), read as a weighted
 * sample: an item on level h stands for 2^h values (FORMATS.md §7.3).
 */
export class WeightedSketch {
  private constructor(
    /** Distinct item values, ascending. */
    readonly values: Float64Array,
    /** cumulativeWeights[i] = total weight of items ≤ values[i]. */
    private readonly cumulativeWeights: Float64Array
  ) {}

  static fromLevels(levels: readonly (readonly number[])[]): WeightedSketch {
    const items = levels.flatMap((level, height) =>
      level.map(value => ({ value, weight: 2 ** height }))
    );
    items.sort((a, b) => a.value - b.value);
    const values: number[] = [];
    const cumulative: number[] = [];
    let running = 0;
    for (const { value, weight } of items) {
      running += weight;
      if (values.length > 0 && values[values.length - 1] === value) {
        cumulative[cumulative.length - 1] = running;
      } else {
        values.push(value);
        cumulative.push(running);
      }
    }
    return new WeightedSketch(Float64Array.from(values), Float64Array.from(cumulative));
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

/** Distinct values of both sketches, ascending. */
export function mergedValues(a: WeightedSketch, b: WeightedSketch): number[] {
  const merged = Float64Array.from([...a.values, ...b.values]).sort();
  return Array.from(merged).filter((value, i) => i === 0 || value !== merged[i - 1]);
}
