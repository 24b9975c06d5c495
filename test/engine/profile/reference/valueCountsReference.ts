/**
 * The straightforward value counts (a Map, pruned by sorting its entries) that valueCounts.ts
 * replaced: the reference its slot version must match.
 */
const DEFAULT_CATEGORICAL_LIMIT = 1000;

interface ValueCountsJSON {
  limit: number;
  exact: boolean;
  entries: [string, number][];
}

export class ReferenceValueCounts {
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

  /** True once a key was dropped or counting stopped. */
  get pruned(): boolean {
    return !this.exactCounts;
  }

  stopCounting(): void {
    this.exactCounts = false;
  }

  merge(other: ReferenceValueCounts): void {
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

  static fromJSON(json: ValueCountsJSON): ReferenceValueCounts {
    const counts = new ReferenceValueCounts(json.limit);
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
