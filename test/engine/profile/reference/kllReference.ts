/**
 * The straightforward KLL sketch (plain arrays, Float64Array#sort on a copy) that kll.ts replaced:
 * the reference its typed-array version must match item for item.
 */
import { decodeDouble, encodeDouble, JsonDouble } from '../../../../src/engine/profile/jsonDouble';

export const KLL_SKETCH_SIZE = 2048;
export const KLL_SHRINKING_FACTOR = 0.64;

export interface KllSketchJSON {
  k: number;
  c: number;
  levels: JsonDouble[][];
  compactions: number[];
  offsets: number[];
}

export class ReferenceKllSketch {
  private levels: number[][] = [];
  private compactions: number[] = [];
  private offsets: number[] = [];
  private stored = 0;
  private totalCapacity = 0;

  constructor(
    readonly k = KLL_SKETCH_SIZE,
    readonly c = KLL_SHRINKING_FACTOR
  ) {
    this.expand();
  }

  capacity(height: number): number {
    return 2 * (Math.ceil((this.k * Math.pow(this.c, height)) / 2) + 1);
  }

  update(item: number): void {
    this.levels[0].push(item);
    this.stored++;
    if (this.stored > this.totalCapacity) {
      this.condense();
    }
  }

  /** Appends `other`'s items after ours, level by level (other's rows come after ours). */
  merge(other: ReferenceKllSketch): void {
    while (this.levels.length < other.levels.length) {
      this.expand();
    }
    other.levels.forEach((items, h) => this.levels[h].push(...items));
    this.stored = this.countItems();
    while (this.stored >= this.totalCapacity) {
      this.condense();
    }
  }

  /** Total weight of items ≤ x. */
  rank(x: number): number {
    return this.weigh(item => item <= x);
  }

  /** Total weight of items < x. */
  rankExclusive(x: number): number {
    return this.weigh(item => item < x);
  }

  /** Levels, level 0 first, items in stored order: the `sketch.data` of statistics.json. */
  data(): number[][] {
    return this.levels.map(level => [...level]);
  }

  /** Items with their weights 2^level. */
  weightedItems(): { value: number; weight: number }[] {
    return this.levels.flatMap((level, h) => level.map(value => ({ value, weight: 2 ** h })));
  }

  toJSON(): KllSketchJSON {
    return {
      k: this.k,
      c: this.c,
      levels: this.levels.map(level => level.map(encodeDouble)),
      compactions: [...this.compactions],
      offsets: [...this.offsets]
    };
  }

  static fromJSON(json: KllSketchJSON): ReferenceKllSketch {
    const sketch = new ReferenceKllSketch(json.k, json.c);
    while (sketch.levels.length < json.levels.length) {
      sketch.expand();
    }
    sketch.levels = json.levels.map(level => level.map(decodeDouble));
    sketch.compactions = [...json.compactions];
    sketch.offsets = [...json.offsets];
    sketch.stored = sketch.countItems();
    return sketch;
  }

  /** Rebuilds a sketch from `sketch.data` alone (compaction state is not in statistics.json). */
  static fromData(
    data: number[][],
    k = KLL_SKETCH_SIZE,
    c = KLL_SHRINKING_FACTOR
  ): ReferenceKllSketch {
    const levels = data.length > 0 ? data : [[]];
    return ReferenceKllSketch.fromJSON({
      k,
      c,
      levels,
      compactions: levels.map(() => 0),
      offsets: levels.map(() => 0)
    });
  }

  private expand(): void {
    this.levels.push([]);
    this.compactions.push(0);
    this.offsets.push(0);
    this.totalCapacity += this.capacity(this.levels.length - 1);
  }

  /** Compacts the lowest full level once; levels may stay over capacity. */
  private condense(): void {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.levels[h].length >= this.capacity(h)) {
        if (h + 1 >= this.levels.length) {
          this.expand();
        }
        this.levels[h + 1].push(...this.compact(h));
        this.stored = this.countItems();
        return;
      }
    }
  }

  private compact(h: number): number[] {
    const buffer = this.levels[h];
    const even = buffer.length - (buffer.length % 2);
    if (this.compactions[h] % 2 === 1) {
      this.offsets[h] = 1 - this.offsets[h];
    }
    // Float64Array sorts like Java's Double.compare (-0.0 before 0.0, NaN last).
    const sorted = Float64Array.from(buffer.slice(0, even)).sort();
    const output: number[] = [];
    for (let i = this.offsets[h]; i < even; i += 2) {
      output.push(sorted[i]);
    }
    this.levels[h] = buffer.length % 2 === 1 ? [buffer[buffer.length - 1]] : [];
    this.compactions[h]++;
    return output;
  }

  private countItems(): number {
    return this.levels.reduce((n, level) => n + level.length, 0);
  }

  private weigh(include: (item: number) => boolean): number {
    let total = 0;
    this.levels.forEach((level, h) => {
      const weight = 2 ** h;
      for (const item of level) {
        if (include(item)) {
          total += weight;
        }
      }
    });
    return total;
  }
}
