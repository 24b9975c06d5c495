/**
 * The x axis of a metric over a monitor's runs. With run labels (runLabels.ts) each run is its own
 * place on an ordinal axis, oldest first, so runs over the same window do not fall on one point;
 * without them, a time axis.
 */
export interface RunPoint {
  time: string;
  run?: string;
}

export function runAxis(points: readonly RunPoint[], title: string) {
  if (points.length > 0 && points.every(p => p.run !== undefined)) {
    const order = [...points].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    const domain = [...new Set(order.map(p => p.run!))];
    return {
      x: {
        field: 'run',
        type: 'ordinal' as const,
        title,
        sort: domain,
        axis: { labelAngle: -45, labelLimit: 140 }
      },
      tooltip: { field: 'run', type: 'ordinal' as const, title }
    };
  }
  return {
    x: { field: 'time', type: 'temporal' as const, title },
    tooltip: { field: 'time', type: 'temporal' as const, title, format: '%Y-%m-%d %H:%M' }
  };
}
