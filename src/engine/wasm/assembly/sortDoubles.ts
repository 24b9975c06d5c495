/**
 * Sorts doubles in Java's Double.compare order (-0.0 before 0.0, NaN last, every NaN written as
 * 0x7fffffffffffffff), the sort of every KLL compaction: the same result as
 * `profile/sortDoubles.ts`'s radix sort, on native 64-bit keys. The bits are mapped to unsigned
 * keys that compare like the doubles (sign bit set for positives, all bits flipped for negatives,
 * NaN the largest key) and mapped back. A sort has one result, so this equals the JavaScript one.
 *
 * Most of a level's keys already differ in their high 31 bits (sign, exponent and 19 bits of
 * mantissa), so the keys are sorted by those first (three digits of 11 bits; a digit equal in all
 * keys is skipped), and then each run of keys that share them by the rest: insertion sort for a
 * short run, the low three digits for a long one (values closer than about 2^-19 of their size,
 * such as timestamps).
 *
 * The host writes n doubles at `valuesStart()` and calls `sort(n)`; the keys' second array follows.
 */
const RADIX_BITS: u64 = 11;
const BUCKETS = 1 << (<i32>RADIX_BITS);
const MASK: u64 = <u64>BUCKETS - 1;
const DIGITS = 6;
/** Digits 3 to 5 hold the high bits; a run of keys equal in them is sorted by digits 0 to 2. */
const LOW_DIGITS = 3;
const HIGH_SHIFT: u64 = <u64>LOW_DIGITS * RADIX_BITS;
const LOW_MASK: u64 = ((<u64>1) << HIGH_SHIFT) - 1;
/** Runs up to this long are insertion-sorted. */
const SHORT_RUN = 24;
const SIGN: u64 = 0x8000000000000000;

const histograms = memory.data(DIGITS * BUCKETS * 4, 8);

export function valuesStart(): usize {
  return (__heap_base + 7) & ~7;
}

export function sort(n: i32): void {
  const values = valuesStart();
  sortAt(values, values + ((<usize>n) << 3), n);
}

/** Sorts the n doubles at `values`, with room for n more at `spare` (for kllCdf.ts's levels). */
export function sortAt(values: usize, spare: usize, n: i32): void {
  const lowBitsDiffer = toKeys(values, n);
  const sorted = radixPasses(values, spare, 0, n, LOW_DIGITS, DIGITS);
  // Small whole numbers leave the low bits all equal (zero): then the high digits sorted it all.
  if (lowBitsDiffer) {
    sortRuns(sorted, sorted === values ? spare : values, n);
  }
  fromKeys(sorted, values, n);
}

/**
 * Turns the doubles into keys in place, counting the keys' high digits (3 to 5) into their
 * histograms on the way (one pass, not two); whether the keys' low digits are not all equal.
 */
function toKeys(values: usize, n: i32): bool {
  memory.fill(histogram(LOW_DIGITS), 0, (DIGITS - LOW_DIGITS) * BUCKETS * 4);
  const third = histogram(3);
  const fourth = histogram(4);
  const fifth = histogram(5);
  const first = key(load<f64>(values));
  let differences: u64 = 0;
  for (let i = 0; i < n; i++) {
    const at = values + ((<usize>i) << 3);
    const k = key(load<f64>(at));
    store<u64>(at, k);
    increment(third, k >> (3 * RADIX_BITS));
    increment(fourth, k >> (4 * RADIX_BITS));
    increment(fifth, k >> (5 * RADIX_BITS));
    differences |= k ^ first;
  }
  return (differences & LOW_MASK) !== 0;
}

/** The unsigned key that compares like the double (NaN the largest). */
function key(x: f64): u64 {
  const bits = reinterpret<u64>(x);
  return x !== x ? 0xffffffffffffffff : (bits & SIGN) !== 0 ? ~bits : bits | SIGN;
}

/** The first counter of `digit`'s histogram. */
function histogram(digit: i32): usize {
  return histograms + ((<usize>(digit * BUCKETS)) << 2);
}

/** Adds one to the counter of the bucket in the low RADIX_BITS of `bits`. */
function increment(counters: usize, bits: u64): void {
  const counter = counters + ((<usize>(bits & MASK)) << 2);
  store<i32>(counter, load<i32>(counter) + 1);
}

/** Counts digits [first, last) of keys[from, to) into their zeroed histograms. */
function countDigits(keys: usize, from: i32, to: i32, first: i32, last: i32): void {
  memory.fill(histograms + ((first * BUCKETS) << 2), 0, (last - first) * BUCKETS * 4);
  for (let i = from; i < to; i++) {
    const key = load<u64>(keys + ((<usize>i) << 3));
    for (let digit = first; digit < last; digit++) {
      const bucket = <i32>((key >> (<u64>digit * RADIX_BITS)) & MASK);
      const counter = histograms + ((digit * BUCKETS + bucket) << 2);
      store<i32>(counter, load<i32>(counter) + 1);
    }
  }
}

/**
 * Stable counting-sort passes on digits [first, last) of keys[from, to), which alternate between
 * `a` and `b` (same offsets); returns the one that ends up holding them.
 */
function radixPasses(a: usize, b: usize, from: i32, to: i32, first: i32, last: i32): usize {
  let source = a;
  let target = b;
  for (let digit = first; digit < last; digit++) {
    if (toOffsets(digit, from, to - from)) {
      scatter(source, target, from, to, digit);
      const swap = source;
      source = target;
      target = swap;
    }
  }
  return source;
}

/** Sorts each run of keys equal in their high digits by the whole key; `scratch` is spare room. */
function sortRuns(keys: usize, scratch: usize, n: i32): void {
  let start = 0;
  while (start < n) {
    const first = load<u64>(keys + ((<usize>start) << 3));
    let repeated = true; // one value over and over: nothing to sort
    let end = start + 1;
    for (; end < n; end++) {
      const key = load<u64>(keys + ((<usize>end) << 3));
      if (key >> HIGH_SHIFT !== first >> HIGH_SHIFT) {
        break;
      }
      repeated = repeated && key === first;
    }
    if (!repeated) {
      sortRun(keys, scratch, start, end);
    }
    start = end;
  }
}

/** Sorts keys[from, to), equal in their high digits: insertion sort when short, else by the low digits. */
function sortRun(keys: usize, scratch: usize, from: i32, to: i32): void {
  if (to - from <= SHORT_RUN) {
    insertionSort(keys, from, to);
    return;
  }
  countDigits(keys, from, to, 0, LOW_DIGITS);
  const sorted = radixPasses(keys, scratch, from, to, 0, LOW_DIGITS);
  if (sorted !== keys) {
    memory.copy(
      keys + ((<usize>from) << 3),
      sorted + ((<usize>from) << 3),
      (<usize>(to - from)) << 3
    );
  }
}

function insertionSort(keys: usize, from: i32, to: i32): void {
  for (let i = from + 1; i < to; i++) {
    const key = load<u64>(keys + ((<usize>i) << 3));
    let j = i - 1;
    while (j >= from && load<u64>(keys + ((<usize>j) << 3)) > key) {
      store<u64>(keys + ((<usize>(j + 1)) << 3), load<u64>(keys + ((<usize>j) << 3)));
      j--;
    }
    store<u64>(keys + ((<usize>(j + 1)) << 3), key);
  }
}

/**
 * Bucket counts to start offsets (from `from`); false when one bucket holds all `count` keys
 * (nothing would move).
 */
function toOffsets(digit: i32, from: i32, count: i32): bool {
  const base = histograms + ((digit * BUCKETS) << 2);
  let sum = from;
  for (let b = 0; b < BUCKETS; b++) {
    const counter = base + (b << 2);
    const bucket = load<i32>(counter);
    if (bucket === count) {
      return false;
    }
    store<i32>(counter, sum);
    sum += bucket;
  }
  return true;
}

/** One stable counting-sort pass on `digit` of keys[from, to). */
function scatter(source: usize, target: usize, from: i32, to: i32, digit: i32): void {
  const base = histograms + ((digit * BUCKETS) << 2);
  const shift = <u64>digit * RADIX_BITS;
  for (let i = from; i < to; i++) {
    const key = load<u64>(source + ((<usize>i) << 3));
    const counter = base + ((<usize>((key >> shift) & MASK)) << 2);
    const at = load<i32>(counter);
    store<i32>(counter, at + 1);
    store<u64>(target + ((<usize>at) << 3), key);
  }
}

/** Keys back to doubles, written to `values`. */
function fromKeys(keys: usize, values: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const key = load<u64>(keys + ((<usize>i) << 3));
    store<u64>(values + ((<usize>i) << 3), (key & SIGN) !== 0 ? key & ~SIGN : ~key);
  }
}

/** Merging is used for at most this many ascending runs (sortDoublesModule.ts's MAX_RUNS). */
const MAX_RUNS = 4;

/**
 * Sorts the n doubles at `valuesStart()` as `sort` does, but merges them when they are at most
 * MAX_RUNS ascending runs without NaN (a KLL level above 0: one run per compaction below), which
 * is cheaper. The same choice as `profile/sortDoubles.ts` makes in JavaScript.
 */
export function sortOrMerge(n: i32): void {
  const values = valuesStart();
  const runs = runStarts(values, n, values + ((<usize>n) << 4));
  if (runs > 0) {
    mergeRuns(n, runs);
  } else {
    sort(n);
  }
}

/**
 * Writes the start indexes of the ascending runs of values[0, n) at `starts` and returns their
 * count; 0 when there are more than MAX_RUNS or a NaN (stops there, so unsorted input costs little).
 */
function runStarts(values: usize, n: i32, starts: usize): i32 {
  let previous = load<f64>(values);
  if (previous !== previous) {
    return 0;
  }
  store<i32>(starts, 0);
  let count = 1;
  for (let i = 1; i < n; i++) {
    const x = load<f64>(values + ((<usize>i) << 3));
    if (x !== x) {
      return 0;
    }
    if (before(x, previous)) {
      if (count === MAX_RUNS) {
        return 0;
      }
      store<i32>(starts + ((<usize>count) << 2), i);
      count++;
    }
    previous = x;
  }
  return count;
}

/**
 * Merges the ascending runs of the n doubles at `valuesStart()` into one, in place, in Double.compare
 * order (-0.0 before 0.0; the host merges only runs without NaN): `runs` run starts (i32, the first
 * 0) follow the values' second array, where the left side of each merge is copied. Pairs of
 * neighbouring runs are merged until one is left, as `profile/sortDoubles.ts`'s mergeRuns does.
 */
export function mergeRuns(n: i32, runs: i32): void {
  const values = valuesStart();
  const spare = values + ((<usize>n) << 3);
  const starts = spare + ((<usize>n) << 3);
  let count = runs;
  while (count > 1) {
    let kept = 0;
    for (let r = 0; r < count; r += 2) {
      const lo = load<i32>(starts + ((<usize>r) << 2));
      if (r + 1 < count) {
        const mid = load<i32>(starts + ((<usize>(r + 1)) << 2));
        const hi = r + 2 < count ? load<i32>(starts + ((<usize>(r + 2)) << 2)) : n;
        mergeTwo(values, spare, lo, mid, hi);
      }
      store<i32>(starts + ((<usize>kept) << 2), lo);
      kept++;
    }
    count = kept;
  }
}

/** Merges values[lo, mid) and values[mid, hi), both ascending, in place (stable: left first). */
function mergeTwo(values: usize, spare: usize, lo: i32, mid: i32, hi: i32): void {
  memory.copy(spare + ((<usize>lo) << 3), values + ((<usize>lo) << 3), (<usize>(mid - lo)) << 3);
  let i = lo;
  let j = mid;
  let out = lo;
  while (i < mid && j < hi) {
    const left = load<f64>(spare + ((<usize>i) << 3));
    const right = load<f64>(values + ((<usize>j) << 3));
    if (before(right, left)) {
      store<f64>(values + ((<usize>out) << 3), right);
      j++;
    } else {
      store<f64>(values + ((<usize>out) << 3), left);
      i++;
    }
    out++;
  }
  memory.copy(values + ((<usize>out) << 3), spare + ((<usize>i) << 3), (<usize>(mid - i)) << 3);
}

/** Java's Double.compare(a, b) < 0 for numbers that are not NaN: -0.0 sorts before 0.0. */
function before(a: f64, b: f64): bool {
  return a < b || (a === 0 && b === 0 && reinterpret<i64>(a) < 0 && reinterpret<i64>(b) >= 0);
}
