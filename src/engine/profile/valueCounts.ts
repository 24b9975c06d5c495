/**
 * Counts of each distinct value, for categorical buckets and domain constraints (FORMATS.md §7.5).
 * Exact up to `limit` keys, in first-seen order. Past that, whenever 2·limit keys are held the
 * least frequent are dropped down to `limit` (lossy counting: surviving counts may undercount), so
 * memory stays bounded on high-cardinality columns, which never get categorical buckets anyway.
 *
 * Every cell is counted, so keys live in slots: keys, their hashes and counts in slot (first-seen)
 * order, found through a StringTable. A repeated value costs one probe and a typed-array increment.
 *
 * A slot can also carry a note, a small code and a number that move with the key: the column
 * profile notes each text value's type vote and parsed number, so a repeated value is neither
 * parsed nor hashed again (see ColumnProfile.addText). Notes are never saved or merged.
 */
import { sortDoubles } from './sortDoubles';
import { stringHash, StringTable } from './stringTable';

export const DEFAULT_CATEGORICAL_LIMIT = 1000;

export interface ValueCountsJSON {
  limit: number;
  exact: boolean;
  entries: [string, number][];
}

export class ValueCounts {
  private index = new StringTable();
  private keys: string[] = [];
  /** Per slot: stringHash of the key (to rebuild the index without hashing again). */
  private hashes: Int32Array;
  private counts: Float64Array;
  /** Per-slot note code; 0 is no note. */
  private notes: Int8Array;
  private noteValues: Float64Array;
  private exactCounts = true;
  private pruneCount = 0;

  constructor(readonly limit = DEFAULT_CATEGORICAL_LIMIT) {
    const capacity = Math.min(2 * limit, 64);
    this.counts = new Float64Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.notes = new Int8Array(capacity);
    this.noteValues = new Float64Array(capacity);
  }

  /** True once a key was dropped (more than 2·limit distinct values were seen) or counting stopped. */
  get pruned(): boolean {
    return !this.exactCounts;
  }

  /** How many times keys were dropped (each time, slots are renumbered). */
  get prunes(): number {
    return this.pruneCount;
  }

  /** False once a key was dropped: the counts are then approximate top values. */
  get exact(): boolean {
    return this.exactCounts && this.keys.length <= this.limit;
  }

  /**
   * Counts `value` (whose stringHash is `hash`); returns its slot, or -1 when pruning dropped it at
   * once.
   */
  add(value: string, count = 1, hash = stringHash(value)): number {
    const slot = this.index.find(value, hash, this.keys);
    if (slot >= 0) {
      this.counts[slot] += count;
      return slot;
    }
    const next = this.append(value, count, hash);
    if (next + 1 >= 2 * this.limit) {
      this.prune();
      return this.index.find(value, hash, this.keys);
    }
    return next;
  }

  /** The slot of `value` (whose stringHash is `hash`), or -1 when it is not held. */
  find(value: string, hash = stringHash(value)): number {
    return this.index.find(value, hash, this.keys);
  }

  /** The slot of the ASCII text bytes[start, end) (whose stringHash is `hash`), or -1. */
  findBytes(bytes: Uint8Array, start: number, end: number, hash: number): number {
    return this.index.findBytes(bytes, start, end, hash, this.keys);
  }

  /** Marks the counts incomplete: the caller counts no more values. */
  stopCounting(): void {
    this.exactCounts = false;
  }

  /** Counts one more of the value in `slot`. */
  increment(slot: number): void {
    this.counts[slot]++;
  }

  noteOf(slot: number): number {
    return this.notes[slot];
  }

  noteValueOf(slot: number): number {
    return this.noteValues[slot];
  }

  /** Attaches a note (code > 0) to the value in `slot`. */
  setNote(slot: number, code: number, value: number): void {
    this.notes[slot] = code;
    this.noteValues[slot] = value;
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
    const hash = stringHash(value);
    const slot = this.index.find(value, hash, this.keys);
    if (slot >= 0) {
      this.counts[slot] = count;
    } else {
      this.append(value, count, hash);
    }
  }

  /** A new slot for a key not held yet. */
  private append(value: string, count: number, hash: number): number {
    const slot = this.keys.length;
    if (slot === this.counts.length) {
      this.grow();
    }
    this.keys.push(value);
    this.hashes[slot] = hash;
    this.counts[slot] = count;
    this.notes[slot] = 0;
    this.index.insert(hash, slot);
    return slot;
  }

  private grow(): void {
    const capacity = Math.max(16, this.counts.length * 2);
    this.counts = grown(this.counts, new Float64Array(capacity));
    this.hashes = grown(this.hashes, new Int32Array(capacity));
    this.notes = grown(this.notes, new Int8Array(capacity));
    this.noteValues = grown(this.noteValues, new Float64Array(capacity));
  }

  /** Keeps the `limit` most frequent values, in first-seen order. */
  private prune(): void {
    const size = this.keys.length;
    const { cut, atCut } = cutCount(this.counts.subarray(0, size), this.limit);
    let atCutLeft = atCut;
    let kept = 0;
    this.index.clear();
    for (let i = 0; i < size; i++) {
      const count = this.counts[i];
      if (count > cut || (count === cut && atCutLeft-- > 0)) {
        this.keys[kept] = this.keys[i];
        this.hashes[kept] = this.hashes[i];
        this.counts[kept] = count;
        this.notes[kept] = this.notes[i];
        this.noteValues[kept] = this.noteValues[i];
        this.index.insert(this.hashes[kept], kept);
        kept++;
      }
    }
    this.keys.length = kept;
    this.exactCounts = false;
    this.pruneCount++;
  }
}

function grown<T extends Float64Array | Int32Array | Int8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Where a stable sort by descending count, cut after `limit` entries, would cut: the count of the
 * last entry kept, and how many entries with exactly that count are kept (the earliest seen). One
 * numeric typed-array sort, instead of sorting the entries: pruning runs every `limit` new keys on
 * high-cardinality columns.
 */
function cutCount(counts: Float64Array, limit: number): { cut: number; atCut: number } {
  const sorted = Float64Array.from(counts);
  sortDoubles(sorted);
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
  const { cut, atCut } = cutCount(
    Float64Array.from(all, ([, count]) => count),
    limit
  );
  let atCutLeft = atCut;
  return all.filter(([, count]) => count > cut || (count === cut && atCutLeft-- > 0));
}
