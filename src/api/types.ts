/** Data shapes of the Model Monitor REST API (api/openapi.yaml). */

/** `GET /model-monitor/health` */
export interface HealthResponse {
  status: 'ok' | string;
  version: string;
}
