/** A scalar metric as SageMaker writes it; NaN deviation is written as the string "NaN". */
export interface MetricValue {
  value: number;
  standard_deviation: number;
}

/** Scalar metrics of one problem type, in emitted order. */
export type ScalarMetrics = Record<string, number>;
