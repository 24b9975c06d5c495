/** Pure Vega-Lite spec of a monitor's metric history; metric names are titles only. */
import type { TopLevelSpec } from 'vega-lite';

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
  const x = { field: 'time', type: 'temporal' as const, title: labels.time };
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
            { field: 'time', type: 'temporal', title: labels.time, format: '%Y-%m-%d %H:%M' },
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
