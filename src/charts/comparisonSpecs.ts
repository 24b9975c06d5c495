/**
 * Pure Vega-Lite specs comparing a baseline with current statistics. Series names, feature names
 * and category values are data values or titles only, never field names or expressions.
 */
import type { TopLevelSpec } from 'vega-lite';

import { KllBucket } from '../engine/documents/statistics';
import { CategoryShare, CdfGap, CdfPoint } from '../models/comparison';
import { BLUE, RED, SCHEMA } from './specConstants';

/** Translated series names and titles. */
export interface ComparisonLabels {
  baseline: string;
  current: string;
  share: string;
  cdf: string;
  value: string;
  feature: string;
  drift: string;
  threshold: string;
  largestGap: string;
}

export const DEFAULT_COMPARISON_LABELS: ComparisonLabels = {
  baseline: 'Baseline',
  current: 'Current',
  share: 'Share',
  cdf: 'Cumulative share',
  value: 'Value',
  feature: 'Feature',
  drift: 'Drift (L∞)',
  threshold: 'Threshold',
  largestGap: 'Largest gap'
};

/** Baseline and current series keep the same colours in every chart. */
function seriesColor(labels: ComparisonLabels) {
  return {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [labels.baseline, labels.current], range: ['#1f77b4', '#ff7f0e'] },
    legend: { orient: 'top' as const }
  };
}

function frame(height: number) {
  return {
    width: 'container' as const,
    height,
    autosize: { type: 'fit-x' as const, contains: 'padding' as const }
  };
}

/** Both KLL histograms overlaid, as shares so that different row counts compare. */
export function histogramComparisonSpec(
  featureName: string,
  baseline: KllBucket[],
  current: KllBucket[],
  labels: ComparisonLabels,
  height = 200
): TopLevelSpec {
  const rows = (series: string, buckets: KllBucket[]) => {
    const total = buckets.reduce((sum, b) => sum + b.count, 0);
    return buckets.map(b => ({
      series,
      lower: b.lower_bound,
      upper: b.upper_bound,
      share: total > 0 ? b.count / total : 0
    }));
  };
  return {
    $schema: SCHEMA,
    description: featureName,
    data: { values: [...rows(labels.baseline, baseline), ...rows(labels.current, current)] },
    mark: { type: 'rect', opacity: 0.55, tooltip: true },
    encoding: {
      x: {
        field: 'lower',
        type: 'quantitative',
        title: featureName,
        scale: { zero: false },
        axis: { labelOverlap: true }
      },
      x2: { field: 'upper' },
      y: { field: 'share', type: 'quantitative', title: labels.share, axis: { format: '%' } },
      y2: { datum: 0 },
      color: seriesColor(labels),
      tooltip: [
        { field: 'series', type: 'nominal', title: labels.value },
        { field: 'lower', type: 'quantitative', title: '≥' },
        { field: 'upper', type: 'quantitative', title: '≤' },
        { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' }
      ]
    },
    ...frame(height)
  };
}

/** Both CDFs as steps, with the largest gap drawn as a vertical rule and labelled. */
export function cdfComparisonSpec(
  featureName: string,
  baseline: CdfPoint[],
  current: CdfPoint[],
  gap: CdfGap,
  labels: ComparisonLabels,
  height = 200
): TopLevelSpec {
  const series = (name: string, points: CdfPoint[]) => points.map(p => ({ series: name, ...p }));
  const gapText = `${labels.largestGap}: ${gap.distance.toFixed(3)}`;
  return {
    $schema: SCHEMA,
    description: featureName,
    layer: [
      {
        data: {
          values: [...series(labels.baseline, baseline), ...series(labels.current, current)]
        },
        mark: { type: 'line', interpolate: 'step-after', tooltip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: featureName, scale: { zero: false } },
          y: { field: 'cdf', type: 'quantitative', title: labels.cdf, axis: { format: '%' } },
          color: seriesColor(labels)
        }
      },
      {
        data: { values: [{ x: gap.x, low: gap.baseline, high: gap.current, text: gapText }] },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 2, strokeDash: [4, 2], color: RED },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'low', type: 'quantitative' },
              y2: { field: 'high' }
            }
          },
          {
            mark: { type: 'text', align: 'left', dx: 6, color: RED, fontWeight: 'bold' },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { field: 'high', type: 'quantitative' },
              text: { field: 'text', type: 'nominal' }
            }
          }
        ]
      }
    ],
    ...frame(height)
  };
}

/** Shares of the most frequent categories, baseline and current side by side. */
export function categoryComparisonSpec(
  featureName: string,
  shares: CategoryShare[],
  labels: ComparisonLabels,
  height = 200
): TopLevelSpec {
  const values = shares.flatMap((s, rank) => [
    { value: s.value, rank, series: labels.baseline, share: s.baseline },
    { value: s.value, rank, series: labels.current, share: s.current }
  ]);
  return {
    $schema: SCHEMA,
    description: featureName,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'value',
        type: 'nominal',
        sort: { field: 'rank', order: 'ascending' },
        title: featureName,
        axis: { labelLimit: 120, labelAngle: shares.length <= 6 ? 0 : -45 }
      },
      xOffset: {
        field: 'series',
        type: 'nominal',
        scale: { domain: [labels.baseline, labels.current] }
      },
      y: { field: 'share', type: 'quantitative', title: labels.share, axis: { format: '%' } },
      color: seriesColor(labels),
      tooltip: [
        { field: 'value', type: 'nominal', title: labels.value },
        { field: 'series', type: 'nominal', title: null },
        { field: 'share', type: 'quantitative', title: labels.share, format: '.1%' }
      ]
    },
    ...frame(height)
  };
}

/** Each feature's drift as a bar, red when drifted, with the threshold as a rule. */
export function driftBarsSpec(
  features: { name: string; drift: number; drifted: boolean }[],
  threshold: number,
  labels: ComparisonLabels,
  height = 140
): TopLevelSpec {
  const values = features.map(f => ({
    feature: f.name,
    drift: f.drift,
    over: f.drifted
  }));
  return {
    $schema: SCHEMA,
    description: labels.drift,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: {
            field: 'feature',
            type: 'nominal',
            sort: { field: 'drift', order: 'descending' },
            title: labels.feature,
            axis: { labelLimit: 120, labelAngle: values.length <= 6 ? 0 : -45 }
          },
          y: {
            field: 'drift',
            type: 'quantitative',
            title: labels.drift,
            scale: { domain: [0, 1] }
          },
          color: {
            field: 'over',
            type: 'nominal',
            scale: { domain: [false, true], range: [BLUE, RED] },
            legend: null
          },
          tooltip: [
            { field: 'feature', type: 'nominal', title: labels.feature },
            { field: 'drift', type: 'quantitative', title: labels.drift, format: '.3f' }
          ]
        }
      },
      {
        // The threshold's value is in the view's summary line and this rule's tooltip: a text
        // mark would sit on top of the bars. Grey stays visible on red, blue, light and dark.
        data: { values: [{ threshold }] },
        mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 2, color: '#888888', tooltip: true },
        encoding: {
          y: { field: 'threshold', type: 'quantitative' },
          tooltip: [{ field: 'threshold', type: 'quantitative', title: labels.threshold }]
        }
      }
    ],
    ...frame(height)
  };
}
