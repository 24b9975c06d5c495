/**
 * The KLL loops that run once per numeric feature, as the JavaScript named below computes them,
 * operation for operation, so the results are the same bits:
 *
 * - `weighLevels`: a KLL sketch's levels (statistics.json's `sketch.data`) to its distinct values,
 *   ascending, with the cumulative weight at each (an item on level h weighs 2^h), as
 *   monitor/distance/weightedSketch.ts's `WeightedSketch.fromLevels`.
 * - `cdfPair`: two such sketches' CDFs at every distinct value of either, and the largest gap and
 *   the area between them, as monitor/distance/cdfPair.ts.
 * - `weighEdges`: a sketch's weight below each edge of its `distribution.kll` buckets, as
 *   profile/kll.ts's `weigh`.
 *
 * They run once per numeric feature, so as JavaScript they run cold, mostly in V8's interpreter: a
 * few hundred thousand items cost a monitor run ~30 ms that compiled WebAssembly does not.
 *
 * The host writes each call's input at `start()` and reads its results there too (layouts below).
 * A sketch with a NaN item is refused (a NaN sorts and compares apart): the host weighs it in
 * JavaScript.
 */
import { sortAt } from './sortDoubles';

export function start(): usize {
  return (__heap_base + 7) & ~7;
}

/**
 * Input at `start()`: `levels` level lengths (i32, then padding to 8 bytes), then the `n` items
 * of all levels, level 0 first. Output at `start()`: the distinct values (f64), then as many
 * cumulative weights (f64); returns how many, or -1 when an item is NaN (nothing written). The
 * host grows memory to `weighLevelsEnd(levels, n)`.
 */
export function weighLevels(levels: i32, n: i32): i32 {
  const items = itemsAt(levels);
  for (let i = 0; i < n; i++) {
    const x = load<f64>(items + bytes(i));
    if (x !== x) {
      return -1;
    }
  }
  const spare = items + bytes(n);
  // Two (values, weights) pairs, each level merged from one into the other.
  let values = spare + bytes(n);
  let weights = values + bytes(n);
  let nextValues = weights + bytes(n);
  let nextWeights = nextValues + bytes(n);
  let count = 0;
  let level = items;
  let weight: f64 = 1;
  for (let h = 0; h < levels; h++) {
    const length = levelLength(h);
    sortAt(level, spare, length);
    mergeLevel(values, weights, count, level, length, weight, nextValues, nextWeights);
    count += length;
    let swap = values;
    values = nextValues;
    nextValues = swap;
    swap = weights;
    weights = nextWeights;
    nextWeights = swap;
    level += bytes(length);
    weight *= 2;
  }
  return distinctCumulative(values, weights, count, start());
}

/** The end of `weighLevels`' memory for that many levels and items. */
export function weighLevelsEnd(levels: i32, n: i32): usize {
  return itemsAt(levels) + bytes(n) * 6;
}

/** Where `weighLevels`' items start, after the level lengths. */
export function itemsAt(levels: i32): usize {
  return (start() + ((<usize>levels) << 2) + 7) & ~7;
}

/** Level h's length, as the host wrote it at `start()`. */
function levelLength(h: i32): i32 {
  return load<i32>(start() + ((<usize>h) << 2));
}

function bytes(n: i32): usize {
  return (<usize>n) << 3;
}

/**
 * Sorted (values, weights) and the sorted level (each item weighing `weight`), merged; ties take
 * (values, weights) first.
 */
function mergeLevel(
  values: usize,
  weights: usize,
  count: i32,
  level: usize,
  length: i32,
  weight: f64,
  mergedValues: usize,
  mergedWeights: usize
): void {
  let i = 0;
  let j = 0;
  const total = count + length;
  for (let n = 0; n < total; n++) {
    const at = bytes(n);
    if (j >= length || (i < count && load<f64>(values + bytes(i)) <= load<f64>(level + bytes(j)))) {
      store<f64>(mergedValues + at, load<f64>(values + bytes(i)));
      store<f64>(mergedWeights + at, load<f64>(weights + bytes(i)));
      i++;
    } else {
      store<f64>(mergedValues + at, load<f64>(level + bytes(j)));
      store<f64>(mergedWeights + at, weight);
      j++;
    }
  }
}

/**
 * Equal neighbours folded into one (the first one's value kept), the running sum of the weights
 * kept at each: written to `out` (values, then as many weights); returns how many. `out` may only
 * lie below `values`.
 */
function distinctCumulative(values: usize, weights: usize, n: i32, out: usize): i32 {
  let count = 0;
  let running: f64 = 0;
  for (let i = 0; i < n; i++) {
    const x = load<f64>(values + bytes(i));
    running += load<f64>(weights + bytes(i));
    if (count > 0 && load<f64>(out + bytes(count - 1)) === x) {
      store<f64>(out + bytes(n + count - 1), running);
    } else {
      store<f64>(out + bytes(count), x);
      store<f64>(out + bytes(n + count), running);
      count++;
    }
  }
  // The weights were written n after the values, with room for every value: close the gap.
  memory.copy(out + bytes(count), out + bytes(n), bytes(count));
  return count;
}

/**
 * Input at `start()`: sketch a's distinct values (`na` f64) and cumulative weights (`na`), then
 * sketch b's (`nb` each), as `weighLevels` leaves them. Output after the input, at
 * `start() + 16 (na + nb)`: the distinct values of both, ascending (m ≤ na + nb), then a's CDF at
 * each (m), then b's (m), then the largest gap between the CDFs and the area between them (as
 * `gapMeasures`); returns m. The host grows memory to `cdfPairEnd(na, nb)`.
 */
export function cdfPair(na: i32, nb: i32): i32 {
  const aValues = start();
  const aWeights = aValues + bytes(na);
  const bValues = aWeights + bytes(na);
  const bWeights = bValues + bytes(nb);
  const merged = bWeights + bytes(nb);
  const m = mergedValues(aValues, na, bValues, nb, merged);
  cdfs(aValues, aWeights, na, merged, m, merged + bytes(m));
  cdfs(bValues, bWeights, nb, merged, m, merged + bytes(2 * m));
  gapMeasures(merged, m, merged + bytes(3 * m));
  return m;
}

export function cdfPairEnd(na: i32, nb: i32): usize {
  return start() + bytes(na + nb) * 5 + bytes(2);
}

/**
 * From the values (m), a's CDF and b's CDF that `cdfPair` writes at `values`: the largest
 * |a - b| (a NaN gap wins, as with Math.max), then the sum of |a - b| times the step to the next
 * value, in index order; both written at `out`. As monitor/distance/cdfPair.ts's `gapMeasures`.
 */
function gapMeasures(values: usize, m: i32, out: usize): void {
  const a = values + bytes(m);
  const b = a + bytes(m);
  let largest: f64 = 0;
  let area: f64 = 0;
  for (let i = 0; i < m; i++) {
    const gap = abs<f64>(load<f64>(a + bytes(i)) - load<f64>(b + bytes(i)));
    largest = max<f64>(largest, gap);
    if (i + 1 < m) {
      area += gap * (load<f64>(values + bytes(i + 1)) - load<f64>(values + bytes(i)));
    }
  }
  store<f64>(out, largest);
  store<f64>(out + bytes(1), area);
}

/**
 * The distinct values of x and y (both ascending and distinct), ascending: as `mergedValues` in
 * JavaScript.
 */
function mergedValues(x: usize, nx: i32, y: usize, ny: i32, out: usize): i32 {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < nx || j < ny) {
    let next: f64;
    if (j >= ny || (i < nx && load<f64>(x + bytes(i)) <= load<f64>(y + bytes(j)))) {
      next = load<f64>(x + bytes(i++));
    } else {
      next = load<f64>(y + bytes(j++));
    }
    if (n === 0 || load<f64>(out + bytes(n - 1)) !== next) {
      store<f64>(out + bytes(n++), next);
    }
  }
  return n;
}

/** The sketch's CDF at each of the ascending xs, in one walk: as `WeightedSketch.cdfs` does. */
function cdfs(values: usize, weights: usize, n: i32, xs: usize, m: i32, out: usize): void {
  const total = load<f64>(weights + bytes(n - 1));
  let atMost = 0;
  for (let i = 0; i < m; i++) {
    const x = load<f64>(xs + bytes(i));
    while (atMost < n && load<f64>(values + bytes(atMost)) <= x) {
      atMost++;
    }
    const below: f64 = atMost === 0 ? 0 : load<f64>(weights + bytes(atMost - 1));
    store<f64>(out + bytes(i), below / total);
  }
}

/**
 * Input at `start()` as for `weighLevels` (level lengths, then items), then at `edgesAt(levels, n)`
 * `edges` edges (f64). Each edge is replaced by the total weight of the items below it, the last
 * edge's items equal to it included: `rankExclusive` of each edge and `rank` of the last, level by
 * level as KllSketch.weigh sums them. NaN items are below no edge. The host grows memory to
 * `edgesAt(levels, n) + 8 edges`.
 */
export function weighEdges(levels: i32, n: i32, edges: i32): void {
  const at = edgesAt(levels, n);
  for (let e = 0; e < edges; e++) {
    const edge = at + bytes(e);
    const x = load<f64>(edge);
    const inclusive = e === edges - 1;
    let total: f64 = 0;
    let level = itemsAt(levels);
    let weight: f64 = 1;
    for (let h = 0; h < levels; h++) {
      const length = levelLength(h);
      let below = 0;
      for (let i = 0; i < length; i++) {
        const item = load<f64>(level + bytes(i));
        if (item < x || (inclusive && item === x)) {
          below++;
        }
      }
      total += <f64>below * weight;
      level += bytes(length);
      weight *= 2;
    }
    store<f64>(edge, total);
  }
}

/** Where `weighEdges`' edges start, after the level lengths and the items. */
export function edgesAt(levels: i32, n: i32): usize {
  return itemsAt(levels) + bytes(n);
}
