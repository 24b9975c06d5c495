/** Pure Vega-Lite spec of a monitor's metric history; metric names are titles only. */
import type { TopLevelSpec } from 'vega-lite';

import { DriftMatrix } from '../models/driftMatrix';
import { runAxis } from './runAxis';
import { MetricPoint } from '../models/metricHistory';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

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
  const values = points.map(p => ({ ...p, status: p.violated ? labels.violations : labels.none }));
  const { x, tooltip: runTooltip } = runAxis(points, labels.time);
  const y = { field: 'value', type: 'quantitative' as const, title: metricName };
  return {
    $schema: SCHEMA,
    description: metricName,
    data: { values },
    layer: [
      { mark: { type: 'line', color: '#4c78a8' }, encoding: { x, y } },
      {
        mark: { type: 'point', filled: true, size: 70, tooltip: true },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: [labels.none, labels.violations], range: ['#4c78a8', '#d62728'] },
            legend: { orient: 'top' }
          },
          tooltip: [
            runTooltip,
            { field: 'value', type: 'quantitative', title: labels.value, format: ',.4~g' },
            { field: 'status', type: 'nominal', title: null }
          ]
        }
      }
    ],
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  };
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
        condition: { test: 'datum.violated', value: '#d62728' },
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
