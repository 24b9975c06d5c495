/**
 * The environment SageMaker gives a monitoring container and its post-analytics script (the
 * "container contract inputs"): where the data and the baseline are, where outputs go, the window.
 */
import { DatasetFormat } from '../io/datasetFormat';
import { TimeWindow } from './captureWindow';

export interface ContainerRun {
  dataset: string;
  format?: DatasetFormat;
  header?: boolean;
  outputDir: string;
  window?: TimeWindow;
  baselineStatistics?: string;
  baselineConstraints?: string;
  endpointName?: string;
  scheduleName?: string;
  /** Where CloudWatch-format metrics go, when the run writes them. */
  metricsDir?: string;
}

export function containerEnvironment(run: ContainerRun): Record<string, string> {
  const env: Record<string, string> = {
    dataset_format: JSON.stringify(sageMakerFormat(run.format ?? formatOfPath(run.dataset), run)),
    dataset_source: run.dataset,
    output_path: run.outputDir,
    publish_cloudwatch_metrics: run.metricsDir ? 'Enabled' : 'Disabled'
  };
  const optional: Record<string, string | undefined> = {
    start_time: isoSeconds(run.window?.start),
    end_time: isoSeconds(run.window?.end),
    baseline_statistics: run.baselineStatistics,
    baseline_constraints: run.baselineConstraints,
    sagemaker_endpoint_name: run.endpointName,
    sagemaker_monitoring_schedule_name: run.scheduleName,
    CLOUDWATCH_METRICS_DIRECTORY: run.metricsDir
  };
  for (const [name, value] of Object.entries(optional)) {
    if (value !== undefined) {
      env[name] = value;
    }
  }
  return env;
}

/** SageMaker writes times to the second: 2019-12-01T15:20:00Z. */
function isoSeconds(time: Date | undefined): string | undefined {
  return time?.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** SageMaker's `dataset_format` object for ours (FORMATS.md §2). */
function sageMakerFormat(format: DatasetFormat, run: ContainerRun): object {
  switch (format) {
    case 'csv':
      return { csv: { header: run.header ?? false, output_columns_position: 'START' } };
    case 'json':
      return { json: { lines: true } };
    case 'arrow':
      return { arrow: {} };
    default:
      return { sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] } };
  }
}

/**
 * Without --dataset-format the engine detects each file's format; here a CSV or Arrow file is
 * told by its extension, and anything else taken as captures (a JSON-lines dataset names its format).
 */
function formatOfPath(dataset: string): DatasetFormat {
  const extension = /\.([a-z]+)$/i.exec(dataset)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'arrow' ? extension : 'sagemaker_capture_json';
}
