/**
 * Two sketches' CDFs at every item of either. The drift check, the Kolmogorov–Smirnov test and the
 * Wasserstein test all read the same pair of a feature's sketches; it is walked once per run.
 */
import { sharedKllCdf } from '../../wasm/kllCdfModule';
import { mergedValues, WeightedSketch } from './weightedSketch';

export interface CdfPair extends GapMeasures {
  /** Distinct items of both sketches, ascending. */
  values: Float64Array;
  baseline: Float64Array;
  current: Float64Array;
}

/** What the numeric distances read of a pair, measured in the same walk as the CDFs. */
export interface GapMeasures {
  /** The largest |baseline - current| (Deequ's numeric L∞); NaN if any gap is NaN. */
  largestGap: number;
  /** Σ |baseline - current| · (next value - value), in index order (the Wasserstein area). */
  gapArea: number;
}

const pairs = new WeakMap<WeightedSketch, WeakMap<WeightedSketch, CdfPair>>();

export function cdfPair(baseline: WeightedSketch, current: WeightedSketch): CdfPair {
  let withBaseline = pairs.get(baseline);
  if (!withBaseline) {
    withBaseline = new WeakMap();
    pairs.set(baseline, withBaseline);
  }
  let pair = withBaseline.get(current);
  if (!pair) {
    pair = computeCdfPair(baseline, current);
    withBaseline.set(current, pair);
  }
  return pair;
}

/** The pair, not cached; `kllCdf` null computes it in JavaScript, as for a sketch with a NaN. */
export function computeCdfPair(
  baseline: WeightedSketch,
  current: WeightedSketch,
  kllCdf = sharedKllCdf()
): CdfPair {
  const walkable = (sketch: WeightedSketch) => sketch.values.length > 0 && !sketch.hasNaN;
  if (kllCdf && walkable(baseline) && walkable(current)) {
    return kllCdf.cdfPair(baseline, current);
  }
  const values = mergedValues(baseline, current);
  const cdfs = { baseline: baseline.cdfs(values), current: current.cdfs(values) };
  return { values, ...cdfs, ...gapMeasures(values, cdfs.baseline, cdfs.current) };
}

/** As the WebAssembly `cdfPair` measures them (assembly/kllCdf.ts). */
export function gapMeasures(values: Float64Array, a: Float64Array, b: Float64Array): GapMeasures {
  let largestGap = 0;
  let gapArea = 0;
  for (let i = 0; i < values.length; i++) {
    const gap = Math.abs(a[i] - b[i]);
    largestGap = Math.max(largestGap, gap);
    if (i + 1 < values.length) {
      gapArea += gap * (values[i + 1] - values[i]);
    }
  }
  return { largestGap, gapArea };
}
