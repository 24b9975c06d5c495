/**
 * Data shapes of the Model Monitor REST API, taken from api/openapi.yaml as `npm run build:api`
 * generates it into schema.d.ts. Only where the front end deliberately reads a field otherwise
 * (older servers leave it out) is a field declared here; contract.ts checks those still name the
 * spec's fields.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];
type MonitorFields = Schemas['MonitorFields'];

/** `GET /model-monitor/health` */
export type HealthResponse = Schemas['Health'];

/**
 * Fields of a monitor that servers older than each of them leave out; the front end reads their
 * absence as the spec's default (no model-quality settings, not muted, not segmented, …).
 */
type LaterMonitorFields =
  | 'monitor_type'
  | 'model_quality'
  | 'muted_until'
  | 'record_preprocessor_script'
  | 'post_analytics_processor_script'
  | 'custom_monitor'
  | 'batch_capture'
  | 'segment';

/**
 * A monitor definition (`GET /model-monitor/monitors`). Paths are relative to the server root.
 * The spec requires every field in a response (test_openapi.py checks the server sends each, and
 * test/ui/api/apiContract.test.ts that the spec's `required` names them all), but openapi-typescript
 * does not carry an `allOf` member's `required` over to MonitorFields' fields: hence `Required`.
 * Only `LaterMonitorFields` stay optional.
 */
export interface Monitor extends Omit<Required<Schemas['Monitor']>, LaterMonitorFields> {
  /** Absent from servers older than model-quality monitoring: read as data-quality. */
  monitor_type?: MonitorFields['monitor_type'];
  model_quality?: MonitorFields['model_quality'];
  /** Until then its alerts raise no Lab notification; absent from older servers. */
  muted_until?: MonitorFields['muted_until'];
  /** SageMaker's record_preprocessor_script (.py, or .js on the local backend); null: none. */
  record_preprocessor_script?: MonitorFields['record_preprocessor_script'];
  /** SageMaker's post_analytics_processor_script (.py); null: none. */
  post_analytics_processor_script?: MonitorFields['post_analytics_processor_script'];
  /** A custom monitor's program or image; null for the other types. */
  custom_monitor?: MonitorFields['custom_monitor'];
  /** A batch transform capture: each S3 prefix its manifests name → a folder under the root. */
  batch_capture?: MonitorFields['batch_capture'];
  /** Runs also check each value of a column apart (data quality, local backend). */
  segment?: MonitorFields['segment'];
}

export type MonitorType = NonNullable<MonitorFields['monitor_type']>;

/** A segmented monitor's column (or eventMetadata.<key>) and options. */
export type SegmentSettings = NonNullable<MonitorFields['segment']>;

/** A custom monitor's program: a script or an image. */
export type CustomMonitorSettings = Schemas['CustomMonitorSettings'];

export type ProblemType = Schemas['ModelQualitySettings']['problem_type'];

/** A model-quality monitor's settings. */
export type ModelQualitySettings = Schemas['ModelQualitySettings'];

export type AlertRules = Schemas['AlertRules'];

/** The fields a new monitor is created with (`POST /model-monitor/monitors`). */
export type MonitorCreate = Schemas['MonitorCreate'];

export type ExecutionState = Schemas['Execution']['state'];

/** One run of a monitor (`GET /model-monitor/executions`). */
export interface Execution extends Omit<Schemas['Execution'], 'segments'> {
  /** A segmented run's segments; null otherwise (absent from older servers). */
  segments?: Schemas['Execution']['segments'];
}

/** What a segmented run found. */
export type ExecutionSegments = Schemas['ExecutionSegments'];

/** `GET /model-monitor/backends` */
export type Backend = Schemas['Backend'];

/** One metric's points, oldest first (`GET /model-monitor/monitors/{id}/metrics`). */
export type MetricSeries = Schemas['MetricSeries'];

/** A segment of segmented runs (segments.json): the column, and the segment's kind and value. */
export type MetricSegment = Schemas['MetricSegment'];

export type MetricHistory = Schemas['MetricHistory'];

/** The window of a manual run (POST /monitors/{id}/runs), ISO times in UTC: both bounds. */
export type RunWindow = Required<Schemas['RunRequest']>;

/**
 * An alert raised when a run ended with violations or failed (`GET /model-monitor/alerts`).
 * Its `message` is plain text from the server (monitor name and a summary): render it as text.
 */
export type Alert = Schemas['Alert'];

/** Each webhook's delivery (targets redacted to scheme://host/…). */
export type WebhookDelivery = NonNullable<Alert['deliveries']>[number];

/** `GET /model-monitor/alerts` */
export type AlertFeed = operations['listAlerts']['responses'][200]['content']['application/json'];
