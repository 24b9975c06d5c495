/** Pure Vega-Lite spec of the records per hour of a capture folder (values only, no expressions). */
import type { TopLevelSpec } from 'vega-lite';

import { HourlyRecords } from '../models/captureSummary';
import { BLUE, SCHEMA } from './specConstants';

export interface CaptureChartLabels {
  hour: string;
  records: string;
}

/** One bar per hour (UTC), zero-height for hours without captures. */
export function recordsPerHourSpec(
  hours: HourlyRecords[],
  labels: CaptureChartLabels,
  height = 180
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    description: labels.records,
    data: { values: hours.map(h => ({ hour: h.hour, records: h.records })) },
    mark: { type: 'bar', tooltip: true, color: BLUE },
    encoding: {
      x: {
        field: 'hour',
        type: 'temporal',
        timeUnit: 'utcyearmonthdatehours',
        title: labels.hour,
        axis: { format: '%b %d %H:00', labelOverlap: true }
      },
      y: { field: 'records', type: 'quantitative', title: labels.records },
      tooltip: [
        {
          field: 'hour',
          type: 'temporal',
          timeUnit: 'utcyearmonthdatehours',
          title: labels.hour,
          format: '%Y-%m-%d %H:00 UTC'
        },
        { field: 'records', type: 'quantitative', title: labels.records, format: ',d' }
      ]
    },
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  };
}
