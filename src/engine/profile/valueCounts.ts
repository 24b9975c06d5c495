/**
 * Counts of each distinct value, for categorical buckets and domain constraints (FORMATS.md §7.5).
 * Exact up to `limit` keys, in first-seen order. Past that, whenever 2·limit keys are held the
 * least frequent are dropped down to `limit` (lossy counting: surviving counts may undercount), so
 * memory stays bounded on high-cardinality columns, which never get categorical buckets anyway.
 *
 * Every cell is counted, so keys live in slots: a Map from key to slot, keys and counts in slot
 * (first-seen) order. A repeated value costs one Map lookup and a typed-array increment.
 */
export const DEFAULT_CATEGORICAL_LIMIT = 1000;

export interface ValueCountsJSON {
  limit: number;
  exact: boolean;
  entries: [string, number][];
}

export class ValueCounts {
  private slots = new Map<string, number>();
  private keys: string[] = [];
  private counts: Float64Array;
  private exactCounts = true;

  constructor(readonly limit = DEFAULT_CATEGORICAL_LIMIT) {
    this.counts = new Float64Array(Math.min(2 * limit, 64));
  }

  /** False once a key was dropped: the counts are then approximate top values. */
  get exact(): boolean {
    return this.exactCounts && this.keys.length <= this.limit;
  }

  add(value: string, count = 1): void {
    const slot = this.slots.get(value);
    if (slot !== undefined) {
      this.counts[slot] += count;
      return;
    }
    const next = this.keys.length;
    if (next === this.counts.length) {
      this.grow();
    }
    this.slots.set(value, next);
    this.keys.push(value);
    this.counts[next] = count;
    if (next + 1 >= 2 * this.limit) {
      this.prune();
    }
  }

  merge(other: ValueCounts): void {
    for (let i = 0; i < other.keys.length; i++) {
      this.add(other.keys[i], other.counts[i]);
    }
    this.exactCounts &&= other.exactCounts;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Values and counts in first-seen order (at most `limit` once inexact). */
  entries(): [string, number][] {
    const all = this.allEntries();
    return all.length > this.limit ? topInFirstSeenOrder(all, this.limit) : all;
  }

  toJSON(): ValueCountsJSON {
    return { limit: this.limit, exact: this.exactCounts, entries: this.allEntries() };
  }

  static fromJSON(json: ValueCountsJSON): ValueCounts {
    const counts = new ValueCounts(json.limit);
    for (const [value, count] of json.entries) {
      counts.put(value, count);
    }
    counts.exactCounts = json.exact;
    return counts;
  }

  private allEntries(): [string, number][] {
    return this.keys.map((key, i) => [key, this.counts[i]]);
  }

  /** Sets a key's count without pruning (loading a saved state). */
  private put(value: string, count: number): void {
    const slot = this.slots.get(value);
    if (slot !== undefined) {
      this.counts[slot] = count;
      return;
    }
    if (this.keys.length === this.counts.length) {
      this.grow();
    }
    this.slots.set(value, this.keys.length);
    this.counts[this.keys.length] = count;
    this.keys.push(value);
  }

  private grow(): void {
    const next = new Float64Array(Math.max(16, this.counts.length * 2));
    next.set(this.counts);
    this.counts = next;
  }

  /** Keeps the `limit` most frequent values, in first-seen order. */
  private prune(): void {
    const size = this.keys.length;
    const { cut, atCut } = cutCount(this.counts.subarray(0, size), this.limit);
    let atCutLeft = atCut;
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const count = this.counts[i];
      const key = this.keys[i];
      if (count > cut || (count === cut && atCutLeft-- > 0)) {
        this.counts[kept] = count;
        this.keys[kept] = key;
        this.slots.set(key, kept);
        kept++;
      } else {
        this.slots.delete(key);
      }
    }
    this.keys.length = kept;
    this.exactCounts = false;
  }
}

/**
 * Where a stable sort by descending count, cut after `limit` entries, would cut: the count of the
 * last entry kept, and how many entries with exactly that count are kept (the earliest seen). One
 * numeric typed-array sort, instead of sorting the entries: pruning runs every `limit` new keys on
 * high-cardinality columns.
 */
function cutCount(counts: Float64Array, limit: number): { cut: number; atCut: number } {
  const sorted = Float64Array.from(counts).sort();
  const first = sorted.length - limit;
  const cut = sorted[first];
  let atCut = 0;
  for (let i = first; i < sorted.length && sorted[i] === cut; i++) {
    atCut++;
  }
  return { cut, atCut };
}

/** The `limit` most frequent entries, in first-seen order; ties at the cut go to the earliest seen. */
export function topInFirstSeenOrder(all: [string, number][], limit: number): [string, number][] {
  const { cut, atCut } = cutCount(Float64Array.from(all, ([, count]) => count), limit);
  let atCutLeft = atCut;
  return all.filter(([, count]) => count > cut || (count === cut && atCutLeft-- > 0));
}
