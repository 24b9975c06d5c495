/**
 * Two sketches' CDFs at every item of either. The drift check, the Kolmogorov–Smirnov test and the
 * Wasserstein test all read the same pair of a feature's sketches; it is walked once per run.
 */
import { sharedKllCdf } from '../../wasm/kllCdfModule';
import { mergedValues, WeightedSketch } from './weightedSketch';

export interface CdfPair {
  /** Distinct items of both sketches, ascending. */
  values: Float64Array;
  baseline: Float64Array;
  current: Float64Array;
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
  return { values, baseline: baseline.cdfs(values), current: current.cdfs(values) };
}
