/** Pure Vega-Lite spec of a monitor's metric history; metric names are titles only. */
import type { TopLevelSpec } from 'vega-lite';

import { DriftMatrix } from '../models/driftMatrix';
import { runAxis } from './runAxis';
import { MetricPoint } from '../models/metricHistory';
import { BLUE, RED, SCHEMA } from './specConstants';

export interface MetricChartLabels {
  time: string;
  value: string;
  violations: string;
  none: string;
}

/** A metric over time; runs with violations are red dots. */
export function metricHistorySpec(
  metricName: string,
  points: MetricPoint[],
  labels: MetricChartLabels,
  height = 220
): TopLevelSpec {
  return metricSpec(metricName, points, labels, height, metricLayers(metricName, points, labels));
}

/** A metric and its run status per point, for `metricLayers`. */
function metricValues(points: MetricPoint[], labels: MetricChartLabels) {
  return points.map(p => ({ ...p, status: p.violated ? labels.violations : labels.none }));
}

/**
 * The line and dots of a metric over time (the data is the spec's, from `metricValues`); `zero`:
 * whether the y axis starts at zero.
 */
export function metricLayers(
  metricName: string,
  points: MetricPoint[],
  labels: MetricChartLabels,
  zero = true
) {
  const { x, tooltip: runTooltip } = runAxis(points, labels.time);
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: metricName,
    ...(zero ? {} : { scale: { zero: false } })
  };
  return [
    { mark: { type: 'line', color: BLUE }, encoding: { x, y } },
    {
      mark: { type: 'point', filled: true, size: 70, tooltip: true },
      encoding: {
        x,
        y,
        color: {
          field: 'status',
          type: 'nominal',
          title: null,
          scale: { domain: [labels.none, labels.violations], range: [BLUE, RED] },
          legend: { orient: 'top' }
        },
        tooltip: [
          runTooltip,
          { field: 'value', type: 'quantitative', title: labels.value, format: ',.4~g' },
          { field: 'status', type: 'nominal', title: null }
        ]
      }
    }
  ];
}

/** A metric chart of `layer` over `metricValues(points)`, as wide as its container. */
export function metricSpec(
  metricName: string,
  points: MetricPoint[],
  labels: MetricChartLabels,
  height: number,
  layer: unknown[]
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    description: metricName,
    data: { values: metricValues(points, labels) },
    layer,
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  } as TopLevelSpec;
}

export interface DriftHeatmapLabels {
  run: string;
  feature: string;
  drift: string;
  violated: string;
}

/**
 * Feature × run drift distances: darker is further from the baseline; a cell whose run reported a
 * violation for the feature has a red outline. A cell carries its run's execution id and feature,
 * for a click to open that comparison.
 */
export function driftHeatmapSpec(
  matrix: DriftMatrix,
  labels: DriftHeatmapLabels,
  rowHeight = 22
): TopLevelSpec {
  const values = matrix.cells.map(c => ({ ...c, flag: c.violated ? labels.violated : '' }));
  return {
    $schema: SCHEMA,
    description: labels.drift,
    data: { values },
    mark: { type: 'rect', tooltip: true, cursor: 'pointer', strokeWidth: 2 },
    encoding: {
      x: {
        field: 'run',
        type: 'ordinal',
        sort: matrix.runs,
        title: labels.run,
        axis: { labelAngle: -45, labelLimit: 140 }
      },
      y: {
        field: 'feature',
        type: 'nominal',
        sort: matrix.features,
        title: labels.feature,
        axis: { labelLimit: 160 }
      },
      color: {
        field: 'drift',
        type: 'quantitative',
        title: labels.drift,
        scale: { scheme: 'orangered', domain: [0, 1], clamp: true }
      },
      stroke: {
        condition: { test: 'datum.violated', value: RED },
        value: null
      },
      tooltip: [
        { field: 'feature', type: 'nominal', title: labels.feature },
        { field: 'run', type: 'ordinal', title: labels.run },
        { field: 'drift', type: 'quantitative', title: labels.drift, format: '.3f' },
        { field: 'flag', type: 'nominal', title: ' ' }
      ]
    },
    width: 'container',
    height: Math.max(60, rowHeight * matrix.features.length),
    autosize: { type: 'fit-x', contains: 'padding' }
  };
}

/** One series of a multi-metric chart, with its threshold when it has one. */
export interface ChartedSeries {
  name: string;
  points: MetricPoint[];
  threshold?: number;
}

export interface MultiMetricLabels {
  time: string;
  value: string;
  series: string;
  threshold: string;
}

/**
 * Several metrics over the same runs, one colour each; a series' threshold is a dashed rule in its
 * colour. Values share one y axis: pick metrics of one scale (drift distances, missing shares).
 */
export function multiMetricSpec(
  series: ChartedSeries[],
  labels: MultiMetricLabels,
  height = 260
): TopLevelSpec {
  const values = series.flatMap(s => s.points.map(p => ({ ...p, series: s.name })));
  const rules = series
    .filter(s => s.threshold !== undefined && isFinite(s.threshold))
    .map(s => ({ series: s.name, threshold: s.threshold }));
  const { x, tooltip: runTooltip } = runAxis(values, labels.time);
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: labels.series,
    scale: { domain: series.map(s => s.name) },
    legend: { orient: 'top' as const, labelLimit: 260 }
  };
  const y = { field: 'value', type: 'quantitative' as const, title: labels.value };
  return {
    $schema: SCHEMA,
    description: series.map(s => s.name).join(', '),
    layer: [
      { data: { values }, mark: { type: 'line' }, encoding: { x, y, color } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60, tooltip: true },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'series', type: 'nominal', title: labels.series },
            runTooltip,
            { field: 'value', type: 'quantitative', title: labels.value, format: ',.4~g' }
          ]
        }
      },
      ...(rules.length
        ? [
            {
              data: { values: rules },
              mark: { type: 'rule' as const, strokeDash: [6, 4], strokeWidth: 1.5, tooltip: true },
              encoding: {
                y: { field: 'threshold', type: 'quantitative' as const },
                color,
                tooltip: [
                  { field: 'series', type: 'nominal' as const, title: labels.series },
                  {
                    field: 'threshold',
                    type: 'quantitative' as const,
                    title: labels.threshold,
                    format: ',.4~g'
                  }
                ]
              }
            }
          ]
        : [])
    ],
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  } as TopLevelSpec;
}
