/**
 * Deequ's QuantileNonSample (FORMATS.md §7.3): a deterministic KLL sketch. Level 0 receives items;
 * a full level is sorted and every other item (alternating offset) moves up, weighing twice as much.
 * Reproducing its exact compaction order is what makes `sketch.data` byte-equal to SageMaker's.
 */
import { sharedKllCdf, WasmKllCdf } from '../wasm/kllCdfModule';
import { DoubleBuffer } from './doubleBuffer';
import { decodeDouble, encodeDouble, JsonDouble } from './jsonDouble';

export const KLL_SKETCH_SIZE = 2048;
export const KLL_SHRINKING_FACTOR = 0.64;

export interface KllSketchJSON {
  k: number;
  c: number;
  levels: JsonDouble[][];
  compactions: number[];
  offsets: number[];
}

export class KllSketch {
  private levels: DoubleBuffer[] = [];
  private compactions: number[] = [];
  private offsets: number[] = [];
  /** capacity(h) of each existing level, computed once. */
  private capacities: number[] = [];
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

  /**
   * Updates with each item in order: `update` item by item, but the items that fit before the next
   * condense are appended at once.
   */
  updateAll(items: Float64Array): void {
    for (let i = 0; i < items.length;) {
      const take = Math.min(items.length - i, Math.max(1, this.totalCapacity + 1 - this.stored));
      this.levels[0].append(items.subarray(i, i + take));
      this.stored += take;
      i += take;
      if (this.stored > this.totalCapacity) {
        this.condense();
      }
    }
  }

  /** Appends `other`'s items after ours, level by level (other's rows come after ours). */
  merge(other: KllSketch): void {
    while (this.levels.length < other.levels.length) {
      this.expand();
    }
    other.levels.forEach((items, h) => this.levels[h].append(items.view()));
    this.stored = this.countItems();
    while (this.stored >= this.totalCapacity) {
      this.condense();
    }
  }

  /**
   * Total weight of items ≤ x. As in Deequ (observed on 2.0.7), every number is ≤ NaN, the bound
   * of each bucket of a column running from -∞ to +∞.
   */
  rank(x: number): number {
    return this.weigh(inclusiveBound(x), true);
  }

  /** Total weight of items < x. */
  rankExclusive(x: number): number {
    return this.weigh(x, false);
  }

  /**
   * `rankExclusive` of each edge but the last, and `rank` of the last: the weights the buckets of
   * `distribution.kll` are counted from. In WebAssembly where it is available, with the same
   * results (this runs once per feature, so as JavaScript it runs cold); `kllCdf` null: JavaScript.
   */
  weighEdges(edges: readonly number[], kllCdf: WasmKllCdf | null = sharedKllCdf()): number[] {
    const last = edges.length - 1;
    if (!kllCdf) {
      return edges.map((edge, i) => (i === last ? this.rank(edge) : this.rankExclusive(edge)));
    }
    const bounds = edges.map((edge, i) => (i === last ? inclusiveBound(edge) : edge));
    return kllCdf.weighEdges(
      this.levels.map(level => level.view()),
      bounds
    );
  }

  /** Levels, level 0 first, items in stored order: the `sketch.data` of statistics.json. */
  data(): number[][] {
    return this.levels.map(level => level.toArray());
  }

  /** Items with their weights 2^level. */
  weightedItems(): { value: number; weight: number }[] {
    return this.levels.flatMap((level, h) =>
      level.toArray().map(value => ({ value, weight: 2 ** h }))
    );
  }

  toJSON(): KllSketchJSON {
    return {
      k: this.k,
      c: this.c,
      levels: this.levels.map(level => level.toArray().map(encodeDouble)),
      compactions: [...this.compactions],
      offsets: [...this.offsets]
    };
  }

  static fromJSON(json: KllSketchJSON): KllSketch {
    const sketch = new KllSketch(json.k, json.c);
    while (sketch.levels.length < json.levels.length) {
      sketch.expand();
    }
    sketch.levels = json.levels.map(level => DoubleBuffer.of(level.map(decodeDouble)));
    sketch.compactions = [...json.compactions];
    sketch.offsets = [...json.offsets];
    sketch.stored = sketch.countItems();
    return sketch;
  }

  /** Rebuilds a sketch from `sketch.data` alone (compaction state is not in statistics.json). */
  static fromData(data: number[][], k = KLL_SKETCH_SIZE, c = KLL_SHRINKING_FACTOR): KllSketch {
    const levels = data.length > 0 ? data : [[]];
    return KllSketch.fromJSON({
      k,
      c,
      levels,
      compactions: levels.map(() => 0),
      offsets: levels.map(() => 0)
    });
  }

  private expand(): void {
    const capacity = this.capacity(this.levels.length);
    // Its usual size; level 0 grows past it while higher levels have room.
    this.levels.push(new DoubleBuffer(capacity));
    this.compactions.push(0);
    this.offsets.push(0);
    this.capacities.push(capacity);
    this.totalCapacity += capacity;
  }

  /** Compacts the lowest full level once; levels may stay over capacity. */
  private condense(): void {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.levels[h].length >= this.capacities[h]) {
        if (h + 1 >= this.levels.length) {
          this.expand();
        }
        this.compactInto(h, this.levels[h + 1]);
        this.stored = this.countItems();
        return;
      }
    }
  }

  /** Sorts level h's even prefix in place and appends every other item of it to `next`. */
  private compactInto(h: number, next: DoubleBuffer): void {
    const buffer = this.levels[h];
    const length = buffer.length;
    const even = length - (length % 2);
    if (this.compactions[h] % 2 === 1) {
      this.offsets[h] = 1 - this.offsets[h];
    }
    // Float64Array sorts like Java's Double.compare (-0.0 before 0.0, NaN last).
    buffer.sortPrefix(even);
    next.appendEveryOther(buffer, this.offsets[h], even);
    if (length % 2 === 1) {
      buffer.keepOnly(length - 1);
    } else {
      buffer.clear();
    }
    this.compactions[h]++;
  }

  private countItems(): number {
    return this.levels.reduce((n, level) => n + level.length, 0);
  }

  /** Total weight of items < x (and = x when `inclusive`); exact, as weights are powers of 2. */
  private weigh(x: number, inclusive: boolean): number {
    let total = 0;
    for (let h = 0; h < this.levels.length; h++) {
      const items = this.levels[h].view();
      let below = 0;
      for (let i = 0; i < items.length; i++) {
        if (items[i] < x || (inclusive && items[i] === x)) {
          below++;
        }
      }
      total += below * 2 ** h;
    }
    return total;
  }
}

/** The bound `rank` weighs up to: every number is ≤ NaN (see `rank`). */
function inclusiveBound(x: number): number {
  return Number.isNaN(x) ? Infinity : x;
}
