/**
 * Counts of each distinct value, for categorical buckets and domain constraints (FORMATS.md §7.5).
 * Exact up to `limit` keys, in first-seen order. Past that, whenever 2·limit keys are held the
 * least frequent are dropped down to `limit` (lossy counting: surviving counts may undercount), so
 * memory stays bounded on high-cardinality columns, which never get categorical buckets anyway.
 */
export const DEFAULT_CATEGORICAL_LIMIT = 1000;

export interface ValueCountsJSON {
  limit: number;
  exact: boolean;
  entries: [string, number][];
}

export class ValueCounts {
  private counts = new Map<string, number>();
  private exactCounts = true;

  constructor(readonly limit = DEFAULT_CATEGORICAL_LIMIT) {}

  /** False once a key was dropped: the counts are then approximate top values. */
  get exact(): boolean {
    return this.exactCounts && this.counts.size <= this.limit;
  }

  add(value: string, count = 1): void {
    const seen = this.counts.get(value);
    if (seen !== undefined) {
      this.counts.set(value, seen + count);
    } else {
      this.counts.set(value, count);
      if (this.counts.size >= 2 * this.limit) {
        this.prune();
      }
    }
  }

  merge(other: ValueCounts): void {
    for (const [value, count] of other.counts) {
      this.add(value, count);
    }
    this.exactCounts &&= other.exactCounts;
  }

  get size(): number {
    return this.counts.size;
  }

  /** Values and counts in first-seen order (at most `limit` once inexact). */
  entries(): [string, number][] {
    const all = [...this.counts.entries()];
    return all.length > this.limit ? topInFirstSeenOrder(all, this.limit) : all;
  }

  toJSON(): ValueCountsJSON {
    return { limit: this.limit, exact: this.exactCounts, entries: [...this.counts.entries()] };
  }

  static fromJSON(json: ValueCountsJSON): ValueCounts {
    const counts = new ValueCounts(json.limit);
    counts.counts = new Map(json.entries);
    counts.exactCounts = json.exact;
    return counts;
  }

  /** Keeps the `limit` most frequent values, in first-seen order. */
  private prune(): void {
    this.counts = new Map(topInFirstSeenOrder([...this.counts.entries()], this.limit));
    this.exactCounts = false;
  }
}

function topInFirstSeenOrder(entries: [string, number][], limit: number): [string, number][] {
  const kept = new Set(
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([value]) => value)
  );
  return entries.filter(([value]) => kept.has(value));
}
