/**
 * Sorts doubles in place in Float64Array order (Java's Double.compare: -0.0 before 0.0, NaN last),
 * the sort every KLL compaction runs on a level of ~2000 items. An LSD radix sort on the IEEE bits
 * is about twice as fast as Float64Array#sort for such sizes and gives the same order, because
 * sorting numbers has only one result: the bits are mapped to unsigned keys that compare like the
 * doubles (sign bit flipped for positives, all bits flipped for negatives, every NaN mapped to the
 * largest key), sorted by six digits of at most 11 bits, three per 32-bit half (a digit equal in
 * all keys is skipped), and mapped back.
 */
// The same bound on runs merged as the WebAssembly sort's: both make the same choice.
import { MAX_RUNS, wasmSortDoubles } from '../wasm/sortDoublesModule';

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;
const DIGITS = 6;
/** Below this many items the histograms cost more than they save. */
const RADIX_MIN = 256;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const histograms = new Int32Array(DIGITS * BUCKETS);
let hiKeys = new Int32Array(0);
let loKeys = new Int32Array(0);
let hiSpare = new Int32Array(0);
let loSpare = new Int32Array(0);
let mergeSpare = new Float64Array(0);

/**
 * The same sort (and choice of merging) in WebAssembly, on native 64-bit keys (about twice as
 * fast); null without it.
 */
const wasmSort = wasmSortDoubles();

/**
 * `runs`: where ascending runs that make up `values` start (the first at 0), when the caller knows
 * (a KLL level above 0); they may run past the end of `values`, a prefix of what they describe.
 */
export function sortDoubles(values: Float64Array, runs: readonly number[] | null = null): void {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) {
    values.sort();
    return;
  }
  const known = runs && mergeableRuns(values, runs);
  if (known) {
    if (wasmSort) {
      wasmSort.mergeRuns(values, known);
    } else {
      mergeRuns(values, known);
    }
    return;
  }
  if (wasmSort) {
    wasmSort.sortOrMerge(values);
    return;
  }
  // Levels above 0 hold a few sorted runs (one per compaction below): merging them is cheaper.
  const found = sortedRunStarts(values);
  if (found) {
    mergeRuns(values, found);
    return;
  }
  radixSort(values);
}

/** The JavaScript radix sort: the reference of the WebAssembly one, and its fallback. */
export function radixSort(values: Float64Array): void {
  const n = values.length;
  ensureScratch(n);
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  toKeys(values, words, n);
  let hi = hiKeys;
  let lo = loKeys;
  let hiOut = hiSpare;
  let loOut = loSpare;
  for (let digit = 0; digit < DIGITS; digit++) {
    if (toOffsets(digit, n)) {
      scatter(hi, lo, hiOut, loOut, n, digit);
      [hi, hiOut] = [hiOut, hi];
      [lo, loOut] = [loOut, lo];
    }
  }
  fromKeys(hi, lo, words, n);
}

function ensureScratch(n: number): void {
  if (hiKeys.length < n) {
    hiKeys = new Int32Array(n);
    loKeys = new Int32Array(n);
    hiSpare = new Int32Array(n);
    loSpare = new Int32Array(n);
  }
}

/** Fills the key arrays and the six digit histograms in one pass. */
function toKeys(values: Float64Array, words: Int32Array, n: number): void {
  histograms.fill(0);
  for (let i = 0; i < n; i++) {
    let hi = words[2 * i + 1];
    let lo = words[2 * i];
    if (values[i] !== values[i]) {
      hi = -1;
      lo = -1;
    } else if (hi < 0) {
      hi = ~hi;
      lo = ~lo;
    } else {
      hi |= 0x80000000;
    }
    hiKeys[i] = hi;
    loKeys[i] = lo;
    histograms[lo & MASK]++;
    histograms[BUCKETS + ((lo >>> RADIX_BITS) & MASK)]++;
    histograms[2 * BUCKETS + (lo >>> (2 * RADIX_BITS))]++;
    histograms[3 * BUCKETS + (hi & MASK)]++;
    histograms[4 * BUCKETS + ((hi >>> RADIX_BITS) & MASK)]++;
    histograms[5 * BUCKETS + (hi >>> (2 * RADIX_BITS))]++;
  }
}

/**
 * Turns a digit's histogram into bucket start offsets; false when one bucket holds every key (the
 * pass would not move anything).
 */
function toOffsets(digit: number, n: number): boolean {
  const base = digit * BUCKETS;
  let sum = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const count = histograms[base + b];
    if (count === n) {
      return false;
    }
    histograms[base + b] = sum;
    sum += count;
  }
  return true;
}

/** One stable counting-sort pass on `digit`. */
function scatter(
  hi: Int32Array,
  lo: Int32Array,
  hiOut: Int32Array,
  loOut: Int32Array,
  n: number,
  digit: number
): void {
  const base = digit * BUCKETS;
  const words = digit < 3 ? lo : hi;
  const shift = (digit % 3) * RADIX_BITS;
  for (let i = 0; i < n; i++) {
    const at = histograms[base + ((words[i] >>> shift) & MASK)]++;
    hiOut[at] = hi[i];
    loOut[at] = lo[i];
  }
}

function fromKeys(hi: Int32Array, lo: Int32Array, words: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h < 0) {
      words[2 * i + 1] = h & 0x7fffffff;
      words[2 * i] = lo[i];
    } else {
      words[2 * i + 1] = ~h;
      words[2 * i] = ~lo[i];
    }
  }
}

/** Java's Double.compare(a, b) < 0 for numbers that are not NaN: -0.0 sorts before 0.0. */
function before(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && 1 / a < 1 / b);
}

/**
 * The starts of known runs that lie in `values`, when there are at most MAX_RUNS of them and no NaN
 * (a run sorted in Double.compare order has its NaNs last); null otherwise.
 */
function mergeableRuns(values: Float64Array, runs: readonly number[]): number[] | null {
  const starts = runs.filter(start => start < values.length);
  if (starts.length === 0 || starts.length > MAX_RUNS || starts[0] !== 0) {
    return null;
  }
  for (let r = 0; r < starts.length; r++) {
    const end = r + 1 < starts.length ? starts[r + 1] : values.length;
    if (Number.isNaN(values[end - 1])) {
      return null;
    }
  }
  return starts;
}

/**
 * Start indexes of the ascending runs of `values` when there are at most MAX_RUNS of them and no
 * NaN; null otherwise (stops at the first run too many, so unsorted input costs a few steps).
 */
function sortedRunStarts(values: Float64Array): number[] | null {
  const starts = [0];
  if (values[0] !== values[0]) {
    return null;
  }
  for (let i = 1; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      return null;
    }
    if (before(x, values[i - 1])) {
      if (starts.length === MAX_RUNS) {
        return null;
      }
      starts.push(i);
    }
  }
  return starts;
}

/**
 * Merges the ascending runs starting at `starts` into one, in place, in Double.compare order: the
 * reference of the WebAssembly merge, and its fallback.
 */
export function mergeRuns(values: Float64Array, starts: number[]): void {
  const n = values.length;
  if (mergeSpare.length < n) {
    mergeSpare = new Float64Array(n);
  }
  const bounds = [...starts, n];
  while (bounds.length > 2) {
    const next = [0];
    for (let r = 0; r + 1 < bounds.length - 1; r += 2) {
      mergeTwo(values, bounds[r], bounds[r + 1], bounds[r + 2]);
      next.push(bounds[r + 2]);
    }
    if ((bounds.length - 1) % 2 === 1) {
      next.push(n);
    }
    bounds.splice(0, bounds.length, ...next);
  }
}

/** Merges values[lo, mid) and values[mid, hi), both ascending, in place (stable: left first). */
function mergeTwo(values: Float64Array, lo: number, mid: number, hi: number): void {
  const left = mergeSpare;
  left.set(values.subarray(lo, mid), lo);
  let i = lo;
  let j = mid;
  let out = lo;
  while (i < mid && j < hi) {
    values[out++] = before(values[j], left[i]) ? values[j++] : left[i++];
  }
  while (i < mid) {
    values[out++] = left[i++];
  }
}
