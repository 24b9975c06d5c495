import { QualityPairs } from './qualityPairs';

/**
 * Our addition to regression statistics (SageMaker writes none): a histogram of the residuals
 * `actual - predicted`, under the namespaced key, for the residual chart.
 */
export { EXTENSION_KEY as QUALITY_EXTENSION_KEY } from '../documents/fileNames';

export const RESIDUAL_BINS = 20;

export interface ResidualBucket {
  lower_bound: number;
  upper_bound: number;
  count: number;
}

export interface ResidualHistogram {
  mean: number;
  buckets: ResidualBucket[];
}

/** Equal-width buckets over [min, max] of the residuals; one bucket when they are all equal. */
export function residualHistogram(pairs: QualityPairs, bins = RESIDUAL_BINS): ResidualHistogram {
  const residuals = pairs.actual.map((actual, i) => Number(actual) - Number(pairs.predicted[i]));
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const r of residuals) {
    min = Math.min(min, r);
    max = Math.max(max, r);
    sum += r;
  }
  const count = max > min ? bins : 1;
  const width = (max - min) / count;
  const buckets: ResidualBucket[] = Array.from({ length: count }, (_, i) => ({
    lower_bound: min + i * width,
    upper_bound: i === count - 1 ? max : min + (i + 1) * width,
    count: 0
  }));
  for (const r of residuals) {
    const index = width > 0 ? Math.min(Math.floor((r - min) / width), count - 1) : 0;
    buckets[index].count++;
  }
  return { mean: residuals.length ? sum / residuals.length : NaN, buckets };
}
