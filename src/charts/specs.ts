/**
 * Pure functions from result documents to Vega-Lite specifications. Field names are fixed; text
 * from the data (feature names, category values) only ever appears as data values or titles.
 */
import type { TopLevelSpec } from 'vega-lite';

import { CategoricalBucket, FeatureStatistics, KllBucket } from '../engine/documents/statistics';
import { HistogramMeasure } from '../models/ViewerSettings';
import { SCHEMA } from './specConstants';

/** Translated axis and tooltip titles. */
export interface ChartLabels {
  count: string;
  share: string;
  range: string;
  value: string;
}

export const DEFAULT_CHART_LABELS: ChartLabels = {
  count: 'Count',
  share: 'Share',
  range: 'Range',
  value: 'Value'
};

export interface HistogramOptions {
  height: number;
  measure: HistogramMeasure;
  labels?: ChartLabels;
}

/** The bar under the pointer stays opaque while the others fade. */
const HOVER_PARAM = {
  name: 'hover',
  select: { type: 'point' as const, on: 'pointerover', clear: 'pointerout' }
};
const HOVER_OPACITY = { condition: { param: 'hover', empty: true, value: 1 }, value: 0.5 };

/** Category labels stay horizontal up to this many bars, then slant to fit. */
const FLAT_LABELS_UP_TO = 6;

/** A histogram of the feature's KLL or categorical buckets; null when it has neither. */
export function featureHistogramSpec(
  feature: FeatureStatistics,
  options: HistogramOptions
): TopLevelSpec | null {
  const kll = feature.numerical_statistics?.distribution?.kll?.buckets;
  if (Array.isArray(kll) && kll.length > 0) {
    return isDegenerate(kll)
      ? categoricalHistogramSpec(feature.name, degenerateAsCategory(kll), options)
      : numericHistogramSpec(feature.name, kll, options);
  }
  const categories = feature.string_statistics?.distribution?.categorical?.buckets;
  if (Array.isArray(categories) && categories.length > 0) {
    return categoricalHistogramSpec(feature.name, categories, options);
  }
  return null;
}

/** Bars spanning each bucket's [lower_bound, upper_bound]. */
export function numericHistogramSpec(
  featureName: string,
  buckets: KllBucket[],
  options: HistogramOptions
): TopLevelSpec {
  const labels = options.labels ?? DEFAULT_CHART_LABELS;
  const total = sumOf(buckets.map(b => b.count));
  const values = buckets.map(b => ({
    lower: b.lower_bound,
    upper: b.upper_bound,
    range: `${formatBound(b.lower_bound)} – ${formatBound(b.upper_bound)}`,
    count: b.count,
    share: total > 0 ? b.count / total : 0
  }));
  return {
    $schema: SCHEMA,
    description: featureName,
    data: { values },
    mark: { type: 'bar', tooltip: true, binSpacing: 1 },
    params: [HOVER_PARAM],
    encoding: {
      opacity: HOVER_OPACITY,
      x: {
        field: 'lower',
        type: 'quantitative',
        bin: { binned: true },
        title: featureName,
        axis: { labelOverlap: true }
      },
      x2: { field: 'upper' },
      y: measureEncoding(options.measure, labels),
      tooltip: [
        { field: 'range', type: 'nominal', title: labels.range },
        { field: 'count', type: 'quantitative', title: labels.count, format: ',' },
        { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' }
      ]
    },
    ...frame(options.height)
  };
}

/** One bar per category, most frequent first. */
export function categoricalHistogramSpec(
  featureName: string,
  buckets: CategoricalBucket[],
  options: HistogramOptions
): TopLevelSpec {
  const labels = options.labels ?? DEFAULT_CHART_LABELS;
  const total = sumOf(buckets.map(b => b.count));
  const values = buckets.map(b => ({
    value: String(b.value),
    count: b.count,
    share: total > 0 ? b.count / total : 0
  }));
  const y = measureEncoding(options.measure, labels);
  return {
    $schema: SCHEMA,
    description: featureName,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    params: [HOVER_PARAM],
    encoding: {
      opacity: HOVER_OPACITY,
      x: {
        field: 'value',
        type: 'nominal',
        sort: { field: 'count', order: 'descending' },
        title: featureName,
        axis: {
          labelLimit: 120,
          labelOverlap: true,
          labelAngle: values.length <= FLAT_LABELS_UP_TO ? 0 : -45
        }
      },
      y,
      tooltip: [
        { field: 'value', type: 'nominal', title: labels.value },
        { field: 'count', type: 'quantitative', title: labels.count, format: ',' },
        { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' }
      ]
    },
    ...frame(options.height)
  };
}

function measureEncoding(measure: HistogramMeasure, labels: ChartLabels) {
  return measure === 'share'
    ? { field: 'share', type: 'quantitative' as const, title: labels.share, axis: { format: '%' } }
    : { field: 'count', type: 'quantitative' as const, title: labels.count };
}

function frame(height: number) {
  return {
    width: 'container' as const,
    height,
    autosize: { type: 'fit-x' as const, contains: 'padding' as const }
  };
}

/** All buckets of a constant column are [min, min]: zero-width bars would be invisible. */
function isDegenerate(buckets: KllBucket[]): boolean {
  return buckets.every(b => b.lower_bound === b.upper_bound);
}

function degenerateAsCategory(buckets: KllBucket[]): CategoricalBucket[] {
  return [{ value: formatBound(buckets[0].lower_bound), count: sumOf(buckets.map(b => b.count)) }];
}

function sumOf(numbers: number[]): number {
  return numbers.reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);
}

function formatBound(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
