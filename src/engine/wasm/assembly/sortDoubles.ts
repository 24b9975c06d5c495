/**
 * Sorts doubles in Java's Double.compare order (-0.0 before 0.0, NaN last, every NaN written as
 * 0x7fffffffffffffff), the sort of every KLL compaction: `profile/sortDoubles.ts`'s radix sort on
 * native 64-bit keys. The bits are mapped to unsigned keys that compare like the doubles (sign bit
 * set for positives, all bits flipped for negatives, NaN the largest key), sorted by six digits of
 * 11 bits (a digit equal in all keys is skipped), and mapped back. A sort has one result, so this
 * equals the JavaScript one.
 *
 * The host writes n doubles at `valuesStart()` and calls `sort(n)`; the keys' second array follows.
 */
const RADIX_BITS: u64 = 11;
const BUCKETS = 1 << (<i32>RADIX_BITS);
const MASK: u64 = <u64>BUCKETS - 1;
const DIGITS = 6;
const SIGN: u64 = 0x8000000000000000;

const histograms = memory.data(DIGITS * BUCKETS * 4, 8);

export function valuesStart(): usize {
  return (__heap_base + 7) & ~7;
}

export function sort(n: i32): void {
  const values = valuesStart();
  const spare = values + ((<usize>n) << 3);
  toKeys(values, n);
  let from = values;
  let to = spare;
  for (let digit = 0; digit < DIGITS; digit++) {
    if (toOffsets(digit, n)) {
      scatter(from, to, n, digit);
      const swap = from;
      from = to;
      to = swap;
    }
  }
  fromKeys(from, values, n);
}

/** Turns the doubles into keys in place and counts the six digits of every key. */
function toKeys(values: usize, n: i32): void {
  memory.fill(histograms, 0, DIGITS * BUCKETS * 4);
  for (let i = 0; i < n; i++) {
    const at = values + ((<usize>i) << 3);
    const x = load<f64>(at);
    const bits = reinterpret<u64>(x);
    const key: u64 = x !== x ? 0xffffffffffffffff : (bits & SIGN) !== 0 ? ~bits : bits | SIGN;
    store<u64>(at, key);
    for (let digit = 0; digit < DIGITS; digit++) {
      const bucket = <i32>((key >> (<u64>digit * RADIX_BITS)) & MASK);
      const counter = histograms + ((digit * BUCKETS + bucket) << 2);
      store<i32>(counter, load<i32>(counter) + 1);
    }
  }
}

/** Bucket counts to start offsets; false when one bucket holds every key (nothing would move). */
function toOffsets(digit: i32, n: i32): bool {
  const base = histograms + ((digit * BUCKETS) << 2);
  let sum = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const counter = base + (b << 2);
    const count = load<i32>(counter);
    if (count === n) {
      return false;
    }
    store<i32>(counter, sum);
    sum += count;
  }
  return true;
}

/** One stable counting-sort pass on `digit`. */
function scatter(from: usize, to: usize, n: i32, digit: i32): void {
  const base = histograms + ((digit * BUCKETS) << 2);
  const shift = <u64>digit * RADIX_BITS;
  for (let i = 0; i < n; i++) {
    const key = load<u64>(from + ((<usize>i) << 3));
    const counter = base + ((<usize>((key >> shift) & MASK)) << 2);
    const at = load<i32>(counter);
    store<i32>(counter, at + 1);
    store<u64>(to + ((<usize>at) << 3), key);
  }
}

/** Keys back to doubles, written to `values`. */
function fromKeys(keys: usize, values: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const key = load<u64>(keys + ((<usize>i) << 3));
    store<u64>(values + ((<usize>i) << 3), (key & SIGN) !== 0 ? key & ~SIGN : ~key);
  }
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
