/**
 * A growable list of doubles on a Float64Array: sketch levels are appended to, sorted in place and
 * truncated on every compaction, which plain arrays of numbers do with copies and boxing.
 */
import { sortDoubles } from './sortDoubles';

export class DoubleBuffer {
  private items: Float64Array;
  length = 0;
  /**
   * Where the ascending runs (Double.compare order) that make up the items start, when known: a KLL
   * level above 0 is a few runs, one from each compaction below, which merge faster than they sort.
   * Null once items of unknown order came in.
   */
  private runs: number[] | null = [];

  /**
   * Starts small (wide datasets have many barely used sketches) and grows by doubling, but not past
   * `expected` before it is needed, so a level that fills up to its expected size takes no more.
   */
  constructor(private readonly expected = 0) {
    this.items = new Float64Array(Math.max(1, Math.min(16, expected)));
  }

  static of(values: ArrayLike<number>): DoubleBuffer {
    const buffer = new DoubleBuffer(values.length);
    buffer.append(values);
    return buffer;
  }

  get(i: number): number {
    return this.items[i];
  }

  push(x: number): void {
    this.runs = null;
    if (this.length === this.items.length) {
      this.grow(this.length + 1);
    }
    this.items[this.length++] = x;
  }

  append(values: ArrayLike<number>): void {
    const n = values.length;
    if (n > 0) {
      this.runs = null;
    }
    if (this.length + n > this.items.length) {
      this.grow(this.length + n);
    }
    if (values instanceof Float64Array) {
      this.items.set(values, this.length);
    } else {
      for (let i = 0; i < n; i++) {
        this.items[this.length + i] = values[i];
      }
    }
    this.length += n;
  }

  /**
   * Appends `from`'s items at `first`, `first` + 2, … below `end`; `from` has just been sorted there,
   * so they are one more ascending run.
   */
  appendEveryOther(from: DoubleBuffer, first: number, end: number): void {
    const n = Math.max(0, Math.ceil((end - first) / 2));
    if (n > 0) {
      this.runs?.push(this.length);
    }
    if (this.length + n > this.items.length) {
      this.grow(this.length + n);
    }
    const items = this.items;
    const source = from.items;
    let at = this.length;
    for (let i = first; i < end; i += 2) {
      items[at++] = source[i];
    }
    this.length = at;
  }

  /** The first `length` items, sharing storage (valid until the next push or append). */
  view(): Float64Array {
    return this.items.subarray(0, this.length);
  }

  /** Sorts the first `count` items in place (Float64Array order: -0 before 0, NaN last). */
  sortPrefix(count: number): void {
    sortDoubles(this.items.subarray(0, count), this.runs);
  }

  /** Keeps only the item at `i`, as the first and only item. */
  keepOnly(i: number): void {
    this.items[0] = this.items[i];
    this.length = 1;
    this.runs = [0];
  }

  clear(): void {
    this.length = 0;
    this.runs = [];
  }

  toArray(): number[] {
    // Not Array.from: it walks a typed array through the iterator protocol, an object per item.
    const view = this.view();
    const items = new Array<number>(view.length);
    for (let i = 0; i < view.length; i++) {
      items[i] = view[i];
    }
    return items;
  }

  private grow(needed: number): void {
    const doubled = this.items.length * 2;
    const next = new Float64Array(
      Math.max(needed, this.expected >= needed ? Math.min(doubled, this.expected) : doubled)
    );
    next.set(this.view());
    this.items = next;
  }
}
