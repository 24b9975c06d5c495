/** Data shapes of the Model Monitor REST API (api/openapi.yaml). */

/** `GET /model-monitor/health` */
export interface HealthResponse {
  status: 'ok' | string;
  version: string;
}

/** A monitor definition (`GET /model-monitor/monitors`). Paths are relative to the server root. */
export interface Monitor {
  id: string;
  name: string;
  dataset: string;
  dataset_format: string | null;
  header: boolean;
  baseline_statistics: string;
  baseline_constraints: string;
  output: string;
  /** A 5-field cron expression (UTC), or null for manual runs only. */
  schedule: string | null;
  window_hours: number;
  catch_up: 'skip' | 'once' | 'all';
  backend: string;
  enabled: boolean;
  alerts: AlertRules | null;
  /** Absent from servers older than model-quality monitoring: read as data-quality. */
  monitor_type?: MonitorType;
  model_quality?: ModelQualitySettings | null;
  /** Until then its alerts raise no Lab notification; absent from older servers. */
  muted_until?: string | null;
  /** SageMaker's record_preprocessor_script (.py, or .js on the local backend); null: none. */
  record_preprocessor_script?: string | null;
  /** SageMaker's post_analytics_processor_script (.py); null: none. */
  post_analytics_processor_script?: string | null;
  /** A custom monitor's program or image; null for the other types. */
  custom_monitor?: CustomMonitorSettings | null;
  /** A batch transform capture: each S3 prefix its manifests name → a folder under the root. */
  batch_capture?: { s3_map: Record<string, string> } | null;
  /** Runs also check each value of a column apart (data quality, local backend). */
  segment?: SegmentSettings | null;
  next_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export type MonitorType = 'data-quality' | 'model-quality' | 'custom';

/** A segmented monitor's column (or eventMetadata.<key>) and options (api/openapi.yaml). */
export interface SegmentSettings {
  by: string;
  /** The first this many values get a segment each; later ones share `other` (default 20). */
  max_segments?: number;
  /** Compare a segment with the baseline's same segment (`own`, default) or the whole. */
  baseline?: 'own' | 'overall';
}

/** A custom monitor's program (api/openapi.yaml CustomMonitorSettings): a script or an image. */
export interface CustomMonitorSettings {
  script?: string | null;
  image?: string | null;
  arguments?: string[];
}

export type ProblemType = 'Regression' | 'BinaryClassification' | 'MulticlassClassification';

/** A model-quality monitor's settings (api/openapi.yaml ModelQualitySettings). */
export interface ModelQualitySettings {
  problem_type: ProblemType;
  /** Folder of ground-truth JSON lines in yyyy/mm/dd/HH/ folders. */
  ground_truth: string;
  ground_truth_attribute?: string | null;
  inference_attribute?: string | null;
  probability_attribute?: string | null;
  probability_threshold?: number | null;
  positive_label?: string | null;
  label_lateness_hours?: number;
}

export interface AlertRules {
  notify?: boolean;
  on_failure?: boolean;
  /** Only violations of these check types raise an alert (null: any). */
  check_types?: string[] | null;
  /** A baseline_drift_check counts only when its distance is above this. */
  drift_threshold?: number | null;
  webhooks?: { url: string; format?: 'json' | 'slack' }[];
}

/** The fields a new monitor is created with (`POST /model-monitor/monitors`). */
export interface MonitorCreate {
  name: string;
  dataset: string;
  header: boolean;
  baseline_statistics: string;
  baseline_constraints: string;
  schedule: string | null;
  window_hours: number;
  backend: string;
  alerts?: AlertRules;
  monitor_type?: MonitorType;
  model_quality?: ModelQualitySettings | null;
  record_preprocessor_script?: string | null;
  post_analytics_processor_script?: string | null;
  custom_monitor?: CustomMonitorSettings | null;
  batch_capture?: { s3_map: Record<string, string> } | null;
  segment?: SegmentSettings | null;
}

export type ExecutionState =
  'due' | 'running' | 'completed' | 'completed_with_violations' | 'failed' | 'cancelled';

/** One run of a monitor (`GET /model-monitor/executions`). */
export interface Execution {
  id: string;
  monitor_id: string;
  trigger: 'manual' | 'schedule';
  state: ExecutionState;
  scheduled_for: string;
  window_start: string;
  window_end: string;
  /** The folder the run writes statistics.json and constraint_violations.json to. */
  output: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: number;
  message: string | null;
  /** The whole run's violations (a segmented run may have only segments' violations). */
  violations: number | null;
  /** A segmented run's segments; null otherwise (absent from older servers). */
  segments?: ExecutionSegments | null;
  /** The server running it (its lease), and when it last renewed the lease. */
  claimed_by: string | null;
  heartbeat_at: string | null;
}

/** What a segmented run found (api/openapi.yaml ExecutionSegments). */
export interface ExecutionSegments {
  by: string;
  /** Segments in the run, `missing` and `other` included. */
  count: number;
  with_violations: {
    kind: 'value' | 'missing' | 'other';
    /** Null for missing and other. */
    value: string | null;
    /** Relative to the run's output folder. */
    folder: string;
    violations: number;
  }[];
}

/** `GET /model-monitor/backends` */
export interface Backend {
  name: string;
  available: boolean;
  reason: string | null;
}

/** One metric's points, oldest first (`GET /model-monitor/monitors/{id}/metrics`). */
export interface MetricSeries {
  /** CloudWatch-style: dataset_item_count, feature_baseline_drift_<feature>, … */
  name: string;
  metric: string;
  feature: string | null;
  /** A segmented run's segment the series is of; absent or null: all data. */
  segment?: MetricSegment | null;
  points: { time: string; value: number; execution_id: string }[];
}

/** A segment of segmented runs (segments.json): the column, and the segment's kind and value. */
export interface MetricSegment {
  by: string;
  kind: 'value' | 'missing' | 'other';
  /** Null for the missing and other segments. */
  value: string | null;
}

export interface MetricHistory {
  monitor_id: string;
  series: MetricSeries[];
}

/** The window of a manual run (POST /monitors/{id}/runs), ISO times in UTC. */
export interface RunWindow {
  window_start: string;
  window_end: string;
}

/** An alert raised when a run ended with violations or failed (`GET /model-monitor/alerts`). */
export interface Alert {
  id: number;
  monitor_id: string;
  execution_id: string | null;
  kind: 'violations' | 'failed';
  /** Plain text from the server (monitor name and a summary): render as text. */
  message: string;
  /** The monitor's rule: show a Lab notification. */
  notify: boolean;
  /** Raised while its monitor was muted: no notification. */
  muted: boolean;
  /** The whole run's violations, then its segments' (`segment` names the segment). */
  violations: {
    feature_name?: string;
    constraint_check_type?: string;
    description?: string;
    segment?: string;
  }[];
  /** Each webhook's delivery (targets redacted to scheme://host/…); null before delivery. */
  deliveries: WebhookDelivery[] | null;
  acknowledged_at: string | null;
  created_at: string;
}

export interface WebhookDelivery {
  target: string;
  delivered: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
}

/** `GET /model-monitor/alerts` */
export interface AlertFeed {
  alerts: Alert[];
  /** Pass it as `since` to get the alerts raised after these. */
  cursor: number;
  /** Alerts not acknowledged yet, of every monitor. */
  unread: number;
}
