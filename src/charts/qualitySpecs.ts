/**
 * Pure Vega-Lite specs of model-quality results. Data-derived text (class labels, metric names)
 * only ever appears in `data.values` or as a title string, never inside an expression.
 */
import type { TopLevelSpec } from 'vega-lite';

import { ResidualHistogram } from '../engine/modelQuality/residualHistogram';
import { MetricPoint } from '../models/metricHistory';
import { metricLayers, metricSpec } from './metricSpecs';
import { BLUE, RED, SCHEMA } from './specConstants';

/** SageMaker's `confusion_matrix`: {actual label: {predicted label: count}}. */
export type ConfusionMatrix = Record<string, Record<string, number>>;

export interface ConfusionCell {
  actual: string;
  predicted: string;
  count: number;
}

export interface ConfusionLabels {
  actual: string;
  predicted: string;
  count: string;
}

/** One cell per (actual, predicted) pair, labels in their sorted union so the axes match. */
export function confusionCells(matrix: ConfusionMatrix): ConfusionCell[] {
  const labels = confusionLabels(matrix);
  return labels.flatMap(actual =>
    labels.map(predicted => ({ actual, predicted, count: matrix[actual]?.[predicted] ?? 0 }))
  );
}

export function confusionLabels(matrix: ConfusionMatrix): string[] {
  const labels = new Set<string>();
  for (const [actual, row] of Object.entries(matrix)) {
    labels.add(actual);
    Object.keys(row ?? {}).forEach(predicted => labels.add(predicted));
  }
  return [...labels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** A heatmap of counts, actual on rows and predicted on columns, each cell labelled. */
export function confusionMatrixSpec(
  matrix: ConfusionMatrix,
  labels: ConfusionLabels
): TopLevelSpec {
  const values = confusionCells(matrix);
  const domain = confusionLabels(matrix);
  const max = Math.max(0, ...values.map(v => v.count));
  const size = Math.min(60, Math.max(24, Math.floor(360 / Math.max(1, domain.length))));
  const x = {
    field: 'predicted',
    type: 'ordinal' as const,
    title: labels.predicted,
    scale: { domain },
    axis: { orient: 'top' as const, labelAngle: 0 }
  };
  const y = { field: 'actual', type: 'ordinal' as const, title: labels.actual, scale: { domain } };
  return {
    $schema: SCHEMA,
    description: labels.count,
    data: { values },
    // The chart host resizes every chart to its width (ChartView): fill it, keep the height.
    width: 'container',
    height: size * domain.length,
    autosize: { type: 'fit-x', contains: 'padding' },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: labels.count,
            scale: { scheme: 'blues', domain: [0, Math.max(1, max)] }
          },
          tooltip: [
            { field: 'actual', type: 'ordinal', title: labels.actual },
            { field: 'predicted', type: 'ordinal', title: labels.predicted },
            { field: 'count', type: 'quantitative', title: labels.count }
          ]
        }
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
          color: {
            condition: { test: { field: 'count', gt: max / 2 }, value: 'white' },
            value: 'black'
          }
        }
      }
    ]
  };
}

export interface CurvePoint {
  x: number;
  y: number;
  order: number;
}

export interface CurveLabels {
  title: string;
  x: string;
  y: string;
}

/** Zips two equal-length arrays; pairs with a non-finite number are left out. */
export function curvePoints(xs: unknown, ys: unknown): CurvePoint[] {
  if (!Array.isArray(xs) || !Array.isArray(ys)) {
    return [];
  }
  const points: CurvePoint[] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = Number(xs[i]);
    const y = Number(ys[i]);
    if (typeof xs[i] === 'number' && typeof ys[i] === 'number' && isFinite(x) && isFinite(y)) {
      points.push({ x, y, order: i });
    }
  }
  return points;
}

/** A curve on the unit square, drawn in the file's point order; `diagonal` adds the chance line. */
export function curveSpec(
  points: CurvePoint[],
  labels: CurveLabels,
  diagonal: boolean,
  height = 260
): TopLevelSpec {
  const unit = { domain: [0, 1] };
  const x = { field: 'x', type: 'quantitative' as const, title: labels.x, scale: unit };
  const y = { field: 'y', type: 'quantitative' as const, title: labels.y, scale: unit };
  const layer: any[] = [
    {
      data: { values: points },
      mark: { type: 'line', color: BLUE, interpolate: 'linear', point: false, tooltip: true },
      encoding: {
        x,
        y,
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'x', type: 'quantitative', title: labels.x, format: '.3f' },
          { field: 'y', type: 'quantitative', title: labels.y, format: '.3f' }
        ]
      }
    }
  ];
  if (diagonal) {
    layer.push({
      data: {
        values: [
          { x: 0, y: 0 },
          { x: 1, y: 1 }
        ]
      },
      mark: { type: 'line', color: 'gray', strokeDash: [4, 4] },
      encoding: { x, y }
    });
  }
  return {
    $schema: SCHEMA,
    description: labels.title,
    title: labels.title,
    layer,
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  };
}

/** `receiver_operating_characteristic_curve` {false_positive_rates, true_positive_rates}. */
export function rocCurveSpec(curve: unknown, labels: CurveLabels): TopLevelSpec | null {
  const c = (curve ?? {}) as Record<string, unknown>;
  const points = curvePoints(c.false_positive_rates, c.true_positive_rates);
  return points.length > 0 ? curveSpec(points, labels, true) : null;
}

/** `precision_recall_curve` {precisions, recalls}: recall on x, precision on y. */
export function prCurveSpec(curve: unknown, labels: CurveLabels): TopLevelSpec | null {
  const c = (curve ?? {}) as Record<string, unknown>;
  const points = curvePoints(c.recalls, c.precisions);
  return points.length > 0 ? curveSpec(points, labels, false) : null;
}

export interface ResidualLabels {
  residual: string;
  count: string;
  mean: string;
}

/** Bars spanning each bucket's bounds, with a dashed rule at the mean residual. */
export function residualHistogramSpec(
  histogram: ResidualHistogram,
  labels: ResidualLabels,
  height = 220
): TopLevelSpec {
  const values = histogram.buckets.map(b => ({
    lower: b.lower_bound,
    upper: b.upper_bound,
    count: b.count
  }));
  return {
    $schema: SCHEMA,
    description: labels.residual,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: BLUE, tooltip: true },
        encoding: {
          x: {
            field: 'lower',
            type: 'quantitative',
            bin: { binned: true },
            title: labels.residual
          },
          x2: { field: 'upper' },
          y: { field: 'count', type: 'quantitative', title: labels.count },
          tooltip: [
            { field: 'lower', type: 'quantitative', title: '≥', format: ',.4~g' },
            { field: 'upper', type: 'quantitative', title: '≤', format: ',.4~g' },
            { field: 'count', type: 'quantitative', title: labels.count }
          ]
        }
      },
      {
        data: { values: [{ mean: histogram.mean }] },
        mark: { type: 'rule', color: RED, strokeDash: [4, 4], strokeWidth: 2, tooltip: true },
        encoding: {
          x: { field: 'mean', type: 'quantitative' },
          tooltip: [{ field: 'mean', type: 'quantitative', title: labels.mean, format: ',.4~g' }]
        }
      }
    ],
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' }
  };
}

/** A model-quality metric of a run: a metric history point. */
export type ThresholdPoint = MetricPoint;

export interface ThresholdLabels {
  time: string;
  value: string;
  threshold: string;
  violations: string;
  none: string;
}

/** A metric over time with a dashed rule at its baseline threshold; violating runs are red. */
export function metricThresholdSpec(
  metricName: string,
  points: ThresholdPoint[],
  threshold: number | null,
  labels: ThresholdLabels,
  height = 220
): TopLevelSpec {
  const layer: unknown[] = metricLayers(metricName, points, labels, false);
  if (threshold !== null && isFinite(threshold)) {
    layer.push({
      data: { values: [{ threshold }] },
      mark: { type: 'rule', color: RED, strokeDash: [6, 4], strokeWidth: 1.5, tooltip: true },
      encoding: {
        y: { field: 'threshold', type: 'quantitative' },
        tooltip: [
          { field: 'threshold', type: 'quantitative', title: labels.threshold, format: ',.4~g' }
        ]
      }
    });
  }
  return metricSpec(metricName, points, labels, height, layer);
}
